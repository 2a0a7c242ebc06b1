package live.blytz.app.redis;

import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code redis} in {@code /actuator/health} and the readiness group: a PING with a short timeout. */
@Component("redis")
class RedisHealthIndicator implements HealthIndicator {

    private final RedissonClient redisson;

    RedisHealthIndicator(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Health health() {
        try {
            boolean up = redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(1, TimeUnit.SECONDS);
            return up ? Health.up().build() : Health.down().withDetail("error", "no PONG").build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
