package live.blytz.platform.redis;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.function.Supplier;
import live.blytz.platform.resilience.CircuitBreakers;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisReconnectedException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.stereotype.Component;

/**
 * The one way to Redis: every command runs through the {@code redis} circuit breaker (ADR 0022), and an outage is
 * reported as {@link DependencyUnavailableException} (503), for each caller to degrade its own way (ADR 0006).
 * While the breaker is open a command fails at once without touching Redis, so an outage no longer costs every
 * request a Redis timeout.
 */
@Component
class RedisCalls {

    static final String BREAKER = "redis";

    private final CircuitBreaker breaker;

    RedisCalls(CircuitBreakers breakers) {
        this.breaker = breakers.of(BREAKER, RedisCalls::isOutage);
    }

    <T> T call(Supplier<T> command) {
        try {
            return breaker.executeSupplier(() -> unwrapped(command));
        } catch (CallNotPermittedException e) {
            throw new DependencyUnavailableException("The shared store is unavailable (failing fast)", e);
        } catch (RedisException e) {
            throw new DependencyUnavailableException("The shared store is unavailable", e);
        }
    }

    void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    /**
     * The command's result, or the Redis failure behind its exception: a client that wraps it (Bucket4j's batching
     * reports a Redis timeout as its own {@code BatchFailedException}) must still count as an outage, and a 503.
     */
    private static <T> T unwrapped(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RedisException redis) {
                    throw redis;
                }
            }
            throw e;
        }
    }

    /** Whether the breaker refused the call that failed with {@code e}, i.e. Redis was not even asked. */
    static boolean refused(DependencyUnavailableException e) {
        return e.getCause() instanceof CallNotPermittedException;
    }

    /**
     * Redis unreachable, not answering in time, or not able to serve yet. Redisson reports a failed connection as
     * a {@link RedisConnectionException} or wraps the network error (connection refused, reset) in a plain
     * {@link RedisException}; an error reply (a bad script, a wrong type) carries no cause and counts as an answer.
     */
    static boolean isOutage(Throwable e) {
        return e instanceof RedisConnectionException || e instanceof RedisTimeoutException
                || e instanceof RedisRetryException || e instanceof RedisNodeNotFoundException
                || e instanceof RedisReconnectedException
                || e instanceof RedisException && e.getCause() != null;
    }
}
