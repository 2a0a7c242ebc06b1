package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Small values that expire by themselves, shared by every instance: token deny-lists, throttles,
 * single-use markers. Keys are namespaced by the caller ({@code "auth:deny:<jti>"}).
 */
public interface ExpiringStore {

    void put(String key, String value, Duration ttl);

    /** Stores the value only if the key is absent; true when this call stored it (a distributed "first wins"). */
    boolean putIfAbsent(String key, String value, Duration ttl);

    Optional<String> get(String key);

    /** The values of those keys that exist, read in one round trip (for checks on a hot path). */
    Map<String, String> getAll(Collection<String> keys);

    boolean contains(String key);

    void delete(String key);
}
