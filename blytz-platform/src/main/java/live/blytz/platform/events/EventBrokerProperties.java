package live.blytz.platform.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event broker (ADR 0032): {@code broker} {@code none} (the default: events stay in-process) or {@code rabbitmq}
 * (with Boot's {@code spring.rabbitmq.*}); the modules whose events this process receives from the broker
 * ({@code consume}, e.g. {@code auth} in a process that does not run auth); the topic exchange; the name of this
 * consumer, which names its queues ({@code <exchange>.<consumer-name>.<module>}, shared by its instances); how long a
 * send waits for the broker's confirm.
 */
@Validated
@ConfigurationProperties("blytz.events")
public record EventBrokerProperties(
        @NotNull @DefaultValue("none") Broker broker,
        @NotNull @DefaultValue({}) List<@Pattern(regexp = "[a-z]+") String> consume,
        @NotBlank @DefaultValue("blytz.events") String exchange,
        @NotBlank @Pattern(regexp = "[a-z0-9-]+") @DefaultValue("marketplace") String consumerName,
        @NotNull @DefaultValue("5s") Duration confirmTimeout) {

    public enum Broker {
        NONE, RABBITMQ
    }
}
