package live.blytz.sharedkernel.store;

import java.util.Map;

/**
 * Named groups of counters in the shared store, for counts that must not cost a database write per hit
 * (product views): increment cheaply, then {@link #drain} a group in a batch job and persist the sums.
 */
public interface Counters {

    void increment(String group, String member);

    /** Atomically takes every counter of the group and resets it, so no increment is counted twice or lost. */
    Map<String, Long> drain(String group);
}
