package live.blytz.platform.redis;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.redisson.api.RBatch;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Expiring strings in Redis. An outage is reported as {@link DependencyUnavailableException} (503): the caller,
 * not this adapter, knows whether to fail open or closed (a token deny-list must not silently pass).
 */
@Component
class RedisExpiringStore implements ExpiringStore {

    private final RedissonClient redisson;
    private final RedisCalls redis;

    RedisExpiringStore(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        redis.run(() -> bucket(key).set(value, ttl));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return redis.call(() -> bucket(key).setIfAbsent(value, ttl));
    }

    @Override
    public void putAllIfAbsent(Map<String, String> values, Duration ttl) {
        if (values.isEmpty()) {
            return;
        }
        redis.run(() -> {
            RBatch batch = redisson.createBatch();
            values.forEach((key, value) -> batch.<String>getBucket(key).setIfAbsentAsync(value, ttl));
            batch.execute();
        });
    }

    @Override
    public Optional<String> get(String key) {
        return redis.call(() -> Optional.ofNullable(bucket(key).get()));
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        return redis.call(() -> redisson.getBuckets().<String>get(keys.toArray(String[]::new)));
    }

    @Override
    public void delete(String key) {
        redis.run(() -> bucket(key).delete());
    }

    @Override
    public long increment(String key) {
        return redis.call(() -> redisson.getAtomicLong(key).incrementAndGet());
    }

    private RBucket<String> bucket(String key) {
        return redisson.getBucket(key);
    }
}
