package live.blytz.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The circuit breakers in front of the app's dependencies (ADR 0022), one per dependency, all configured from
 * {@link ResilienceProperties}. While a breaker is open, calls to its dependency fail at once instead of each waiting
 * out a timeout; after {@code open-for} a few probe calls find out whether the dependency is back. State changes
 * are logged, and state and counts are metrics ({@code resilience4j.circuitbreaker.*}, tagged with the name).
 */
@Component
public class CircuitBreakers implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final ResilienceProperties properties;

    public CircuitBreakers(ResilienceProperties properties) {
        this.properties = properties;
        registry.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> {
                    // Once per outage and recovery; the re-opening after each failed probe only at debug level.
                    switch (event.getStateTransition()) {
                        case CLOSED_TO_OPEN -> log.warn("{} is unavailable: failing fast, probing every {}",
                                event.getCircuitBreakerName(), properties.openFor());
                        case HALF_OPEN_TO_CLOSED -> log.info("{} is available again", event.getCircuitBreakerName());
                        default -> log.debug("Circuit breaker {}: {}", event.getCircuitBreakerName(),
                                event.getStateTransition());
                    }
                }));
    }

    /**
     * The breaker of one dependency. {@code outage} tells which failures count against the dependency; any other
     * exception (an error the dependency answered with) counts as a successful call.
     */
    public CircuitBreaker of(String dependency, Predicate<Throwable> outage) {
        return registry.circuitBreaker(dependency, CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRate())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.probes())
                .recordException(outage)
                // Refusing a call while open must cost next to nothing.
                .writableStackTraceEnabled(false)
                .build());
    }

    /** The breaker of a dependency, once {@link #of} has created it. */
    public Optional<CircuitBreaker> find(String dependency) {
        return registry.find(dependency);
    }

    /** How long a client should wait before retrying a request refused for an outage: until the next probe. */
    public Duration retryAfter() {
        return properties.openFor();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }
}
