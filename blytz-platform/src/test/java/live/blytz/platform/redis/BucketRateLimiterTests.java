package live.blytz.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.BlytzIntegrationTest;
import live.blytz.Concurrently;
import live.blytz.platform.web.RateLimitProperties;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The token buckets against the real Redis, as several instances see them: two limiters on one Redis stand for two
 * application instances, each with its own local copies of the buckets.
 */
@BlytzIntegrationTest
class BucketRateLimiterTests {

    @Autowired
    RedissonClient redisson;

    @Autowired
    RedisCalls calls;

    @Autowired
    RateLimitProperties properties;

    @Test
    void instancesShareOneExactLimit() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy("shared-" + Ids.newId(), 10, Duration.ofMinutes(1));
        BucketRateLimiter first = instance();
        BucketRateLimiter second = instance();

        AtomicInteger hits = new AtomicInteger();
        List<Boolean> allowed = Concurrently.run(40, () -> (hits.incrementAndGet() % 2 == 0 ? first : second)
                .tryAcquire(policy, "client").allowed());

        assertThat(allowed).filteredOn(a -> a).hasSize(10);
    }

    @Test
    void aBatchedLimitIsOvershotByAtMostItsShareOnEachInstance() {
        // 1,000 a minute with a 2 % share: each instance may hand out up to 20 tokens before it synchronises.
        RateLimitPolicy policy = new RateLimitPolicy("batched-" + Ids.newId(), 1_000, Duration.ofMinutes(1));
        List<BucketRateLimiter> instances = List.of(instance(), instance());

        long allowed = 0;
        for (int i = 0; i < 1_500; i++) {
            if (instances.get(i % 2).tryAcquire(policy, "client").allowed()) {
                allowed++;
            }
        }

        // A refill of 1,000 a minute adds a few tokens while the loop runs; the rest is the instances' shares.
        assertThat(allowed).isBetween(1_000L, 1_000L + 2 * 20 + 30);
    }

    @Test
    void noClientBurstsTwiceTheLimitAcrossAWindowEdge() throws InterruptedException {
        // A fixed window lets a client take the whole limit at the end of one window and again at the start of the
        // next; a bucket refills at the limit's pace, whenever the window would have started.
        RateLimitPolicy policy = new RateLimitPolicy("edge-" + Ids.newId(), 10, Duration.ofSeconds(5));
        BucketRateLimiter limiter = instance();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(policy, "client").allowed()).isTrue();
        }
        Thread.sleep(1_000);

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += limiter.tryAcquire(policy, "client").allowed() ? 1 : 0;
        }
        // Ten tokens per 5 s: one every 500 ms since the bucket was first touched.
        long refilled = (System.nanoTime() - started) / Duration.ofMillis(500).toNanos();

        assertThat(allowed).isPositive().isLessThanOrEqualTo((int) refilled + 1).isLessThan(10);
    }

    @Test
    void aRefusedHitSaysWhenTheNextTokenComes() {
        RateLimitPolicy policy = new RateLimitPolicy("wait-" + Ids.newId(), 2, Duration.ofMinutes(1));
        BucketRateLimiter limiter = instance();
        limiter.tryAcquire(policy, "client");
        limiter.tryAcquire(policy, "client");

        var refused = limiter.tryAcquire(policy, "client");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // One token of two a minute: half a minute away, not the end of a window.
        assertThat(refused.resetAfter()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    private BucketRateLimiter instance() {
        return new BucketRateLimiter(redisson, calls, properties, new SimpleMeterRegistry());
    }
}
