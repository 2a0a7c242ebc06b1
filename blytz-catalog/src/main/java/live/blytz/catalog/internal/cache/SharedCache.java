package live.blytz.catalog.internal.cache;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside of public JSON documents in the shared {@link ExpiringStore}, safe against serving what a change
 * made private (ADR 0013).
 * <p>
 * Invalidating does not delete an entry: it writes a short-lived <em>hold</em> marker, once inside the changing
 * transaction and once more after its commit. While the marker lives, readers miss and {@link #offer} cannot
 * store (it is a put-if-absent), so a reader that loaded the old row before the commit cannot cache it after the
 * eviction. Reads fail open (a store outage is a miss); invalidations fail closed (the change is rolled back with
 * a 503 rather than leave a stale public copy behind).
 */
@Component
public class SharedCache {

    private static final Logger log = LoggerFactory.getLogger(SharedCache.class);
    private static final String HOLD = "\u0000hold";

    private final ExpiringStore store;
    private final CatalogProperties properties;

    SharedCache(ExpiringStore store, CatalogProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public Optional<String> get(String key) {
        try {
            return store.get(key).filter(value -> !HOLD.equals(value));
        } catch (DependencyUnavailableException e) {
            log.debug("Cache read of {} skipped: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a freshly loaded document unless the key is held by a recent invalidation (or already filled). */
    public void offer(String key, String json) {
        try {
            store.putIfAbsent(key, json, properties.cacheTtl());
        } catch (DependencyUnavailableException e) {
            log.debug("Cache fill of {} skipped: {}", key, e.getMessage());
        }
    }

    /** Holds the keys now (failing the caller when the store is down) and again after the transaction commits. */
    public void invalidate(Collection<String> keys) {
        List<String> held = List.copyOf(keys);
        held.forEach(this::hold);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        held.forEach(SharedCache.this::hold);
                    } catch (DependencyUnavailableException e) {
                        log.warn("Cache hold after commit failed; the hold set before the commit still applies: {}",
                                e.getMessage());
                    }
                }
            });
        }
    }

    public void invalidate(String key) {
        invalidate(List.of(key));
    }

    private void hold(String key) {
        store.put(key, HOLD, properties.invalidationHold());
    }
}
