package live.blytz.catalog.internal.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.Broadcasts;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cache-aside of public JSON documents in the shared {@link ExpiringStore}, safe against serving what a change
 * made private (ADR 0013), with a {@link NearCache} in each instance in front of it (ADR 0029).
 * <p>
 * Invalidating does not delete an entry: it writes a short-lived <em>hold</em> marker, once inside the changing
 * transaction and once more after its commit. While the marker lives, readers miss and {@link #offer} cannot
 * store (it is a put-if-absent), so a reader that loaded the old row before the commit cannot cache it after the
 * eviction. Every invalidation also draws a new catalog {@link #generation()} (listings are cached under it, so any
 * change retires them all) and broadcasts the keys to every instance's near cache, both before the commit. Reads
 * fail open (a store outage is a miss); invalidations fail closed (the change is rolled back with a 503 rather
 * than leave a stale public copy behind). The near cache keeps only what Redis holds: a value read from Redis, or
 * one this reader managed to store there.
 */
@Component
public class SharedCache {

    static final String CHANNEL = "catalog:cache-invalidations";
    /** The generation of every cached listing: a random value, redrawn by each change. */
    static final String GENERATION = "catalog:generation";
    private static final Duration GENERATION_TTL = Duration.ofDays(1);
    /** A message with more keys than this clears the near caches instead (a category with many products). */
    private static final int MAX_KEYS_PER_MESSAGE = 1000;
    private static final String EVERYTHING = "*";
    private static final Logger log = LoggerFactory.getLogger(SharedCache.class);
    private static final String HOLD = "\u0000hold";

    private final ExpiringStore store;
    private final Broadcasts broadcasts;
    private final CatalogProperties properties;
    private final NearCache near;

    SharedCache(ExpiringStore store, Broadcasts broadcasts, CatalogProperties properties) {
        this.store = store;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.near = new NearCache(properties.nearCacheTtl());
        broadcasts.subscribe(CHANNEL, new Broadcasts.Listener() {
            @Override
            public void received(String message) {
                if (EVERYTHING.equals(message)) {
                    near.invalidateAll();
                } else {
                    near.invalidate(Arrays.asList(message.split("\n")));
                }
            }

            @Override
            public void resumed() {
                near.resume();
            }
        });
    }

    public Optional<String> get(String key) {
        String local = near.get(key);
        if (local != null) {
            return Optional.of(local);
        }
        long stamp = near.stamp();
        try {
            Optional<String> shared = store.get(key).filter(value -> !HOLD.equals(value));
            shared.ifPresent(value -> near.put(key, value, stamp));
            return shared;
        } catch (DependencyUnavailableException e) {
            log.debug("Cache read of {} skipped: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a freshly loaded document unless the key is held by a recent invalidation (or already filled). */
    public void offer(String key, String json) {
        offer(key, json, properties.cacheTtl());
    }

    /**
     * The current catalog generation, part of the key of every cached listing; empty while the store is down (then
     * nothing is cached). Drawn anew by every invalidation, before the change commits and again after it: a listing
     * cached under the generation drawn after the commit was read from the database after the commit.
     */
    public Optional<String> generation() {
        Optional<String> current = get(GENERATION);
        if (current.isPresent()) {
            return current;
        }
        offer(GENERATION, newGeneration(), GENERATION_TTL);
        return get(GENERATION);
    }

    /**
     * Holds the keys and draws a new generation now (failing the caller when the store is down), and again after
     * the transaction commits; each time every instance's near cache drops the keys.
     */
    public void invalidate(Collection<String> keys) {
        List<String> held = new ArrayList<>(keys);
        held.add(GENERATION);
        invalidateEverywhere(held);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        invalidateEverywhere(held);
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

    private void offer(String key, String json, Duration ttl) {
        long stamp = near.stamp();
        try {
            if (store.putIfAbsent(key, json, ttl)) {
                near.put(key, json, stamp);
            }
        } catch (DependencyUnavailableException e) {
            log.debug("Cache fill of {} skipped: {}", key, e.getMessage());
        }
    }

    /**
     * Redis first, then every instance's near cache; this instance's directly too (its own message comes back
     * later). A reader here that took the old value from Redis before the hold sees the invalidation counter move.
     */
    private void invalidateEverywhere(List<String> keys) {
        for (String key : keys) {
            if (key.equals(GENERATION)) {
                store.put(GENERATION, newGeneration(), GENERATION_TTL);
            } else {
                store.put(key, HOLD, properties.invalidationHold());
            }
        }
        broadcasts.publish(CHANNEL, keys.size() > MAX_KEYS_PER_MESSAGE ? EVERYTHING : String.join("\n", keys));
        near.invalidate(keys);
    }

    private static String newGeneration() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
