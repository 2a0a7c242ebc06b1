package live.blytz.platform.redis;

import java.util.concurrent.TimeUnit;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisConnectionException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code redis} in {@code /actuator/health} and the readiness group: a PING with a short timeout, through the
 * circuit breaker like every Redis call, so an open breaker reads as DOWN at once and a PING may be its probe.
 */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedissonClient redisson;
    private final RedisCalls redis;

    RedisHealthIndicator(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public Health health() {
        try {
            redis.run(() -> {
                if (!redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(1, TimeUnit.SECONDS)) {
                    throw new RedisConnectionException("No PONG");
                }
            });
            return Health.up().build();
        } catch (DependencyUnavailableException e) {
            return Health.down()
                    .withDetail("error", RedisCalls.refused(e) ? "circuit open" : e.getCause().getClass().getSimpleName())
                    .build();
        }
    }
}
