package live.blytz.platform.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event broker (ADR 0032): {@code broker} {@code none} (the default: events stay in-process) or {@code rabbitmq}
 * (with Boot's {@code spring.rabbitmq.*}); the modules whose events this process receives from the broker
 * ({@code consume}, e.g. {@code auth} in a process that does not run auth); the topic exchange; the name of this
 * consumer, which names its queues ({@code <exchange>.<consumer-name>.<module>}, shared by its instances); how long a
 * send waits for the broker's confirm; the known subscribers of this process's events ({@code subscribers}, consumer
 * name → modules, e.g. {@code marketplace: auth} in the auth service), whose queues it declares too, so that what it
 * sends before a subscriber first starts waits in that subscriber's queue; and how many messages the queue of events
 * no queue was bound for keeps ({@code unrouted-max}, the oldest dropped first).
 */
@Validated
@ConfigurationProperties("blytz.events")
public record EventBrokerProperties(
        @NotNull @DefaultValue("none") Broker broker,
        @NotNull @DefaultValue({}) List<@Pattern(regexp = "[a-z]+") String> consume,
        @NotBlank @DefaultValue("blytz.events") String exchange,
        @NotBlank @Pattern(regexp = "[a-z0-9-]+") @DefaultValue("marketplace") String consumerName,
        @NotNull @DefaultValue("5s") Duration confirmTimeout,
        @NotNull @DefaultValue({}) Map<@Pattern(regexp = "[a-z0-9-]+") String,
                List<@Pattern(regexp = "[a-z]+") String>> subscribers,
        @Min(1) @DefaultValue("100000") int unroutedMax) {

    public enum Broker {
        NONE, RABBITMQ
    }
}
