package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Failures counted per key in the store shared by every instance, each failure past a {@link FailurePolicy}'s free
 * ones imposing a wait (login throttling). An attempt is <em>reserved</em> before the work it guards and counted as a
 * failure up front, so that attempts running at once cannot all pass a check that none of them has failed yet: of
 * any number of simultaneous attempts only the free ones and the one that starts the wait go through, as if they
 * had come one after another. The attempt's outcome then settles the reservation: a failure leaves it counted, a
 * success {@link #clear clears} or {@link #release releases} it.
 * <p>
 * Implementations report an outage as {@link live.blytz.sharedkernel.error.DependencyUnavailableException}: a
 * throttle that silently let everything through would be an open door for guessing.
 */
public interface FailureThrottle {

    /** One key counted under one policy. */
    record Key(FailurePolicy policy, String key) {
    }

    /**
     * Atomically for all {@code keys}: while any of them has a wait running, counts nothing and returns the longest
     * wait left; otherwise counts one failure under every key, starts the wait of each key that is now past its
     * policy's free failures, and returns empty.
     */
    Optional<Duration> reserve(List<Key> keys);

    /**
     * Takes one reserved failure back from each key, for an attempt that turned out not to be a failure; a wait
     * that the reservation started runs out by itself.
     */
    void release(List<Key> keys);

    /** Forgets a key's failures and ends its wait. */
    void clear(Key key);
}
