package live.blytz.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import live.blytz.BlytzIntegrationTest;
import live.blytz.Concurrently;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.store.FailurePolicy;
import live.blytz.sharedkernel.store.FailureThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The failure throttle against the real Redis: reservations are atomic over all keys of an attempt. */
@BlytzIntegrationTest
class RedisFailureThrottleTests {

    private static final FailurePolicy THREE_FREE = new FailurePolicy("test-three-free", 3, Duration.ofMinutes(1),
            List.of(Duration.ofSeconds(20)));

    @Autowired
    FailureThrottle throttle;

    @Test
    void ofManySimultaneousAttemptsOnlyTheFreeOnesAndTheOneThatStartsTheWaitAreReserved() throws Exception {
        FailureThrottle.Key key = newKey(THREE_FREE);
        List<Optional<Duration>> outcomes = Concurrently.run(30, () -> throttle.reserve(List.of(key)));
        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(4);
        assertThat(outcomes).filteredOn(Optional::isPresent)
                .allSatisfy(wait -> assertThat(wait.orElseThrow()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20)));
    }

    @Test
    void aRefusedAttemptCountsUnderNoneOfItsKeys() {
        FailureThrottle.Key waiting = newKey(new FailurePolicy("test-none-free", 0, Duration.ofMinutes(1),
                List.of(Duration.ofSeconds(20))));
        FailureThrottle.Key other = newKey(THREE_FREE);
        assertThat(throttle.reserve(List.of(waiting))).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.reserve(List.of(other, waiting))).isPresent();
        }
        // Nothing was counted under the other key: its three free failures and the fourth are all still there.
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.reserve(List.of(other))).isEmpty();
        }
        assertThat(throttle.reserve(List.of(other))).isPresent();
    }

    @Test
    void waitsFollowThePolicyAndTheLastOneHolds() throws InterruptedException {
        FailureThrottle.Key key = newKey(new FailurePolicy("test-growing", 0, Duration.ofMinutes(1),
                List.of(Duration.ofMillis(300), Duration.ofMillis(900))));
        assertThat(throttle.reserve(List.of(key))).isEmpty();
        assertThat(throttle.reserve(List.of(key))).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(1), Duration.ofMillis(300)));
        Thread.sleep(400);
        assertThat(throttle.reserve(List.of(key))).isEmpty();
        assertThat(throttle.reserve(List.of(key))).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(301), Duration.ofMillis(900)));
    }

    @Test
    void releaseTakesAReservationBackAndClearForgetsEverything() {
        FailureThrottle.Key key = newKey(THREE_FREE);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.reserve(List.of(key))).isEmpty();
            throttle.release(List.of(key));
        }
        // Three released attempts left the three free failures untouched.
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.reserve(List.of(key))).isEmpty();
        }
        assertThat(throttle.reserve(List.of(key))).isPresent();
        throttle.clear(key);
        assertThat(throttle.reserve(List.of(key))).isEmpty();
    }

    private static FailureThrottle.Key newKey(FailurePolicy policy) {
        return new FailureThrottle.Key(policy, "test-" + Ids.newId());
    }
}
