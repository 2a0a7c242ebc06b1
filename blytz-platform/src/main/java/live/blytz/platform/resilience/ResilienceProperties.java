package live.blytz.platform.resilience;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the circuit breakers in front of PostgreSQL and Redis judge an outage (ADR 0022). A breaker looks at the last
 * {@code window} calls to its dependency; once at least {@code minimumCalls} were made and {@code failureRate}
 * percent of them failed, it opens: calls fail at once, without touching the dependency, for {@code openFor}
 * (also the {@code Retry-After} of the resulting 503s). Then {@code probes} calls are let through, and if they
 * succeed the breaker closes again.
 */
@Validated
@ConfigurationProperties("blytz.resilience")
public record ResilienceProperties(
        @NotNull @DefaultValue("2s") Duration openFor,
        @Min(1) @DefaultValue("20") int window,
        @Min(1) @DefaultValue("10") int minimumCalls,
        @Min(1) @Max(100) @DefaultValue("50") int failureRate,
        @Min(1) @DefaultValue("3") int probes) {
}
