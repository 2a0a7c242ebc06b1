package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Small values that expire by themselves, shared by every instance: token deny-lists, caches,
 * single-use markers. Keys are namespaced by the caller ({@code "auth:deny:sid:<session id>"}).
 */
public interface ExpiringStore {

    void put(String key, String value, Duration ttl);

    /** Stores the value only if the key is absent; true when this call stored it (a distributed "first wins"). */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /**
     * Stores every value whose key is absent, all with the same time to live, in one round trip; keys that exist
     * keep their value (for refilling a cache whose newer entries must win).
     */
    void putAllIfAbsent(Map<String, String> values, Duration ttl);

    Optional<String> get(String key);

    /** The values of those keys that exist, read in one round trip (for checks on a hot path). */
    Map<String, String> getAll(Collection<String> keys);

    void delete(String key);

    /**
     * Adds one to a counter that does not expire (a version that instances poll to notice changes they missed),
     * creating it at 1; returns the new value, which {@link #get} and {@link #getAll} read as a decimal string.
     */
    long increment(String key);
}
