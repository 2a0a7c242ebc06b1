package live.blytz.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 * endpoints opt into with {@code @RateLimited("name")}; {@code sync} says how much of a limit an instance may hand
 * out from its local copy of a bucket before it synchronises with Redis (ADR 0027).
 */
@Validated
@ConfigurationProperties("blytz.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @NotNull @DefaultValue Limit perIp,
        @Valid @NotNull @DefaultValue Map<String, Limit> policies,
        @Valid @NotNull @DefaultValue Sync sync) {

    public record Limit(@Positive @DefaultValue("100") long limit, @NotNull @DefaultValue("1m") Duration window) {

        RateLimitPolicy toPolicy(String name) {
            return new RateLimitPolicy(name, limit, window);
        }
    }

    /**
     * Local batching of a bucket: at most {@code share} of its limit (limits under 2 / share always go to Redis),
     * and at most {@code interval} between synchronisations; {@code localBuckets} local copies are kept, each until
     * it has been idle for {@code localBucketIdle}.
     */
    public record Sync(
            @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.02") double share,
            @NotNull @DefaultValue("200ms") Duration interval,
            @Positive @DefaultValue("100000") long localBuckets,
            @NotNull @DefaultValue("2m") Duration localBucketIdle) {
    }
}
