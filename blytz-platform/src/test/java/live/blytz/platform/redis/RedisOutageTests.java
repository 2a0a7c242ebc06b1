package live.blytz.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import live.blytz.platform.resilience.CircuitBreakers;
import live.blytz.platform.resilience.ResilienceProperties;
import live.blytz.platform.resilience.TcpProxy;
import live.blytz.platform.web.RateLimitProperties;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * With Redis unreachable the app keeps answering: rate limits fail open, stores report 503, health says DOWN; and
 * once the {@code redis} circuit breaker has seen enough failures, every call fails at once without asking Redis
 * (ADR 0022), instead of each request waiting out the command timeout.
 */
class RedisOutageTests {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** Stays open for the whole test once it opens: four calls, half of them failed. */
    private static final RateLimitProperties RATE_LIMITS = new RateLimitProperties(true,
            new RateLimitProperties.Limit(100, Duration.ofMinutes(1)), Map.of(),
            new RateLimitProperties.Sync(0.02, Duration.ofMillis(200), 1_000, Duration.ofMinutes(2)));

    private final CircuitBreakers breakers = new CircuitBreakers(
            new ResilienceProperties(Duration.ofMinutes(1), 4, 4, 50, 1));
    private final CircuitBreaker breaker = breakers.of(RedisCalls.BREAKER, RedisCalls::isOutage);
    private final RedisCalls calls = new RedisCalls(breakers);
    private final TcpProxy frozenRedis = TcpProxy.frozen();
    private final RedissonClient unreachable = client(closedPort());
    private final RedissonClient frozen = client(frozenRedis.port());

    @AfterEach
    void shutdown() {
        unreachable.shutdown();
        frozen.shutdown();
        frozenRedis.close();
    }

    @Test
    void rateLimitingFailsOpenAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BucketRateLimiter limiter = new BucketRateLimiter(unreachable, calls, RATE_LIMITS, meters);
        RateLimitPolicy policy = new RateLimitPolicy("outage", 1, Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        assertThat(meters.counter("blytz.ratelimit.degraded").count()).isEqualTo(2.0);
    }

    @Test
    void aBatchedBucketAlsoFailsOpen() throws Exception {
        // A large limit is synced in batches (Bucket4j's delaying optimisation): callers that arrive while one
        // sync waits on Redis queue behind it and get its failure wrapped in Bucket4j's own exception, which must
        // still degrade the limit, not escape as a 500.
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BucketRateLimiter limiter = new BucketRateLimiter(frozen, calls, RATE_LIMITS, meters);
        RateLimitPolicy policy = new RateLimitPolicy("outage-batched", 10_000, Duration.ofMinutes(1));
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Boolean>> allowed = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                allowed.add(pool.submit(() -> {
                    start.await();
                    return limiter.tryAcquire(policy, "k").allowed();
                }));
            }
            start.countDown();
            for (Future<Boolean> each : allowed) {
                assertThat(each.get()).isTrue();
            }
        }
        assertThat(meters.counter("blytz.ratelimit.degraded").count()).isEqualTo(callers);
    }

    @Test
    void theExpiringStoreReportsTheOutage() {
        RedisExpiringStore store = new RedisExpiringStore(unreachable, calls);
        assertThatThrownBy(() -> store.get("auth:deny:x")).isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void healthIsDown() {
        assertThat(new RedisHealthIndicator(unreachable, calls).health().getStatus().getCode()).isEqualTo("DOWN");
    }

    @Test
    void onceTheBreakerIsOpenCallsFailAtOnceWithoutAskingRedis() {
        RedisExpiringStore store = new RedisExpiringStore(frozen, calls);
        for (int i = 0; i < 4; i++) {
            // Each of these waits out the command timeout: Redis accepts the connection but never answers.
            assertThatThrownBy(() -> store.get("k")).isInstanceOf(DependencyUnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> store.get("k")).isInstanceOf(DependencyUnavailableException.class)
                    .hasCauseInstanceOf(CallNotPermittedException.class);
        }
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(100);
        // Not one of them waited: 100 commands waiting out the timeout would take 30 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void whileTheBreakerIsOpenRateLimitsFailOpenAtOnce() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BucketRateLimiter limiter = new BucketRateLimiter(frozen, calls, RATE_LIMITS, meters);
        RateLimitPolicy policy = new RateLimitPolicy("outage", 1, Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(policy, "k");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        }
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(100);
        assertThat(meters.counter("blytz.ratelimit.degraded").count()).isEqualTo(104.0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anOpenBreakerReadsAsDownAtOnce() {
        breaker.transitionToOpenState();
        assertThat(new RedisHealthIndicator(frozen, calls).health().getDetails()).containsEntry("error", "circuit open");
    }

    private static RedissonClient client(int port) {
        return new RedisConfiguration().redissonClient(
                new RedisProperties("redis://127.0.0.1:" + port, TIMEOUT, TIMEOUT, 0));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
