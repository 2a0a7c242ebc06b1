package live.blytz.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits: {@code perIp} applies to every request; {@code policies} are the named, stricter limits that
 * endpoints opt into with {@code @RateLimited("name")}.
 */
@Validated
@ConfigurationProperties("blytz.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @NotNull @DefaultValue Limit perIp,
        @Valid @NotNull @DefaultValue Map<String, Limit> policies) {

    public record Limit(@Positive @DefaultValue("100") long limit, @NotNull @DefaultValue("1m") Duration window) {

        RateLimitPolicy toPolicy(String name) {
            return new RateLimitPolicy(name, limit, window);
        }
    }
}
