package live.blytz.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import live.blytz.BlytzIntegrationTest;
import live.blytz.platform.resilience.CircuitBreakers;
import live.blytz.platform.resilience.ResilienceProperties;
import live.blytz.platform.resilience.TcpProxy;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Redis goes away and comes back: a second client reaches the real Redis through a proxy the test takes down and
 * brings back on the same port. The breaker opens, calls fail without asking Redis, and once Redis answers again the
 * next probe closes the breaker by itself (ADR 0022).
 */
@BlytzIntegrationTest
class RedisRecoveryTests {

    @Autowired
    RedisProperties redis;

    @Test
    void theBreakerOpensWhileRedisIsDownAndClosesByItselfWhenItIsBack() {
        URI real = URI.create(redis.url());
        CircuitBreakers breakers = new CircuitBreakers(new ResilienceProperties(Duration.ofMillis(300), 4, 4, 50, 1));
        CircuitBreaker breaker = breakers.of(RedisCalls.BREAKER, RedisCalls::isOutage);
        try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort())) {
            RedissonClient client = new RedisConfiguration().redissonClient(new RedisProperties(
                    viaProxy(real, proxy.port()), Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
            try {
                RedisExpiringStore store = new RedisExpiringStore(client, new RedisCalls(breakers));
                String key = "test:" + Ids.newId();
                store.put(key, "v", Duration.ofMinutes(1));

                proxy.stop();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    try {
                        store.get(key);
                    } catch (DependencyUnavailableException expected) {
                        // Counted by the breaker.
                    }
                    return breaker.getState() == CircuitBreaker.State.OPEN;
                });
                assertThatThrownBy(() -> store.get(key)).hasCauseInstanceOf(CallNotPermittedException.class);

                proxy.start();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(store.get(key)).contains("v"));
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            } finally {
                client.shutdown();
            }
        }
    }

    /** The same Redis URL (password, database) with the proxy's port. */
    private static String viaProxy(URI real, int port) {
        return real.getScheme() + "://" + (real.getRawUserInfo() == null ? "" : real.getRawUserInfo() + "@")
                + "127.0.0.1:" + port + (real.getRawPath() == null ? "" : real.getRawPath());
    }
}
