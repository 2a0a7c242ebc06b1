package live.blytz.platform.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis (ADR 0004): one atomic script per hit increments the window's counter,
 * starts its expiry on the first hit, and returns count and time left, all in one round trip.
 * Fails open: while Redis is unreachable requests pass, counted in {@code blytz.ratelimit.degraded}; once the
 * {@code redis} circuit breaker is open they pass at once (ADR 0022).
 */
@Component
class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String HIT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private final RScript script;
    private final RedisCalls redis;
    private final Counter degraded;

    RedisRateLimiter(RedissonClient redisson, RedisCalls redis, MeterRegistry meters) {
        this.redis = redis;
        this.script = redisson.getScript(LongCodec.INSTANCE);
        this.degraded = Counter.builder("blytz.ratelimit.degraded")
                .description("Rate-limit checks skipped because Redis was unreachable")
                .register(meters);
    }

    @Override
    public RateLimitDecision tryAcquire(RateLimitPolicy policy, String key) {
        try {
            List<Long> result = redis.call(() -> script.eval(RScript.Mode.READ_WRITE, HIT, RScript.ReturnType.LIST,
                    List.of(redisKey(policy, key)), policy.window().toMillis()));
            long count = result.get(0);
            Duration resetAfter = Duration.ofMillis(result.get(1));
            return new RateLimitDecision(count <= policy.limit(), policy.limit(),
                    Math.max(0, policy.limit() - count), resetAfter);
        } catch (DependencyUnavailableException e) {
            degraded.increment();
            if (!RedisCalls.refused(e)) {
                log.warn("Rate limiting degraded (policy {}): Redis unreachable: {}", policy.name(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            return RateLimitDecision.unlimited(policy);
        }
    }

    private static String redisKey(RateLimitPolicy policy, String key) {
        return "rl:" + policy.name() + ":" + key;
    }
}
