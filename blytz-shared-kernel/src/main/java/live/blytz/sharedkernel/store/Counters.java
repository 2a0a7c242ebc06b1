package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Named groups of counters in the shared store, for counts that must not cost a database write per hit
 * (product views): count cheaply, then {@link #drain} a group in a batch job and persist the sums.
 */
public interface Counters {

    /**
     * Counts one hit of {@code member} by {@code visitor} unless that visitor was already counted for that member
     * in the current period (fixed periods of {@code period} since the epoch), so that repeating a hit cannot pump
     * the count. Distinct visitors are estimated within about 1% (HyperLogLog, constant memory per member and
     * period); a repeated visitor is never counted again.
     */
    default void countDistinct(String group, String member, String visitor, Duration period) {
        countDistinct(group, Map.of(member, List.of(visitor)), period);
    }

    /**
     * {@link #countDistinct(String, String, String, Duration)} for many hits at once, in one round trip: each
     * member's visitors, counted in the period current when the call runs (for a caller that buffers hits briefly).
     */
    void countDistinct(String group, Map<String, ? extends Collection<String>> visitorsByMember, Duration period);

    /** Atomically takes every counter of the group and resets it, so no hit is counted twice or lost. */
    Map<String, Long> drain(String group);
}
