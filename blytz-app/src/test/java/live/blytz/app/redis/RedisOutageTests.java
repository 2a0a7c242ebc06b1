package live.blytz.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** With Redis unreachable the app keeps answering: rate limits fail open, stores report 503, health says DOWN. */
class RedisOutageTests {

    private final RedissonClient unreachable = new RedisConfiguration().redissonClient(
            new RedisProperties("redis://127.0.0.1:" + closedPort(), Duration.ofMillis(200), Duration.ofMillis(200)));

    @AfterEach
    void shutdown() {
        unreachable.shutdown();
    }

    @Test
    void rateLimitingFailsOpenAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RedisRateLimiter limiter = new RedisRateLimiter(unreachable, meters);
        RateLimitPolicy policy = new RateLimitPolicy("outage", 1, Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        assertThat(meters.counter("blytz.ratelimit.degraded").count()).isEqualTo(2.0);
    }

    @Test
    void theExpiringStoreReportsTheOutage() {
        RedisExpiringStore store = new RedisExpiringStore(unreachable);
        assertThatThrownBy(() -> store.contains("auth:deny:x")).isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void healthIsDown() {
        assertThat(new RedisHealthIndicator(unreachable).health().getStatus().getCode()).isEqualTo("DOWN");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
