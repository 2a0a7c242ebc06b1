package live.blytz.platform.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import live.blytz.platform.web.RateLimitProperties;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every instance through Redis (Bucket4j, ADR 0027): a policy of {@code limit} per
 * {@code window} is a bucket of {@code limit} tokens refilled greedily over the window, so no client can burst twice
 * the limit across a window edge as a fixed window allows.
 * <p>
 * A policy whose limit is large enough is served from a local copy of its bucket that synchronises with Redis in
 * batches (Bucket4j's delaying optimisation): once {@code sync.share} of the limit has been taken locally, or
 * {@code sync.interval} has passed. The hot per-address limit thus costs no network round trip on most requests,
 * and each instance can overshoot a limit by at most that share before the shared bucket refuses. Small limits
 * (login, password reset) have nothing to share and go to Redis on every hit.
 * <p>
 * Fails open: while Redis is unreachable requests pass, counted in {@code blytz.ratelimit.degraded}; once the
 * {@code redis} circuit breaker is open they pass at once (ADR 0022).
 */
@Component
class BucketRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(BucketRateLimiter.class);
    /** How long an idle, full bucket stays in Redis: a full bucket and a missing one mean the same. */
    private static final Duration KEEP_FULL_BUCKET = Duration.ofSeconds(10);

    private final ProxyManager<String> buckets;
    private final RedisCalls redis;
    private final RateLimitProperties.Sync sync;
    // The proxies hold the local copies the delaying optimisation works on, so they must outlive a request.
    private final Cache<String, BucketProxy> proxies;
    private final Counter degraded;

    BucketRateLimiter(RedissonClient redisson, RedisCalls redis, RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKET))
                .build();
        this.redis = redis;
        this.sync = properties.sync();
        this.proxies = Caffeine.newBuilder()
                .maximumSize(sync.localBuckets())
                .expireAfterAccess(sync.localBucketIdle())
                .build();
        this.degraded = Counter.builder("blytz.ratelimit.degraded")
                .description("Rate-limit checks skipped because Redis was unreachable")
                .register(meters);
    }

    @Override
    public RateLimitDecision tryAcquire(RateLimitPolicy policy, String key) {
        try {
            ConsumptionProbe probe = redis.call(() -> bucket(policy, key).tryConsumeAndReturnRemaining(1));
            Duration wait = Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset()
                    : probe.getNanosToWaitForRefill());
            return new RateLimitDecision(probe.isConsumed(), policy.limit(), probe.getRemainingTokens(), wait);
        } catch (DependencyUnavailableException e) {
            degraded.increment();
            if (!RedisCalls.refused(e)) {
                log.warn("Rate limiting degraded (policy {}): Redis unreachable: {}", policy.name(),
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            return RateLimitDecision.unlimited(policy);
        }
    }

    @Override
    public void giveBack(RateLimitPolicy policy, String key) {
        try {
            redis.call(() -> {
                bucket(policy, key).addTokens(1);
                return null;
            });
        } catch (DependencyUnavailableException e) {
            degraded.increment();
        }
    }

    private BucketProxy bucket(RateLimitPolicy policy, String key) {
        // Not the fixed windows' "rl:" keys: a bucket read from one of those during a rolling upgrade fails to parse.
        String redisKey = "rl:bucket:" + policy.name() + ":" + key;
        return proxies.get(redisKey, k -> {
            RemoteBucketBuilder<String> builder = buckets.builder();
            long unsynchronized = (long) (policy.limit() * sync.share());
            if (unsynchronized >= 2) {
                builder = builder.withOptimization(
                        Optimizations.delaying(new DelayParameters(unsynchronized, sync.interval())));
            }
            return builder.build(k, () -> configuration(policy));
        });
    }

    private static BucketConfiguration configuration(RateLimitPolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(policy.limit()).refillGreedy(policy.limit(), policy.window()))
                .build();
    }
}
