package live.blytz.catalog.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * This instance's copy of shared cache entries it read recently (Caffeine), so that a hot document costs no Redis
 * round trip. It is trusted only while the invalidation channel is subscribed ({@link #resume()} clears it and turns
 * it on) and entries live at most {@code blytz.catalog.near-cache-ttl}, which bounds what a lost message could leave.
 * <p>
 * The race it closes: a reader takes a value from Redis, an invalidation of that key arrives and removes nothing
 * (the value is not here yet), then the reader stores the old value. So every invalidation first bumps a counter;
 * a reader {@link #stamp() stamps} the counter before its Redis command, {@link #put stores}, and takes its value
 * back out if the counter moved meanwhile. Either the invalidation runs after the put (and removes it) or the
 * counter has moved by the time the reader checks; removing a fresh value by mistake only costs a miss.
 */
final class NearCache {

    /** A rough bound on memory: the entries' characters (keys and documents). */
    private static final long MAX_CHARACTERS = 8_000_000;

    private final Cache<String, String> entries;
    private final AtomicLong invalidations = new AtomicLong();
    private volatile boolean live;

    NearCache(Duration ttl) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_CHARACTERS)
                .weigher((String key, String value) -> key.length() + value.length())
                .build();
    }

    @Nullable String get(String key) {
        return live ? entries.getIfPresent(key) : null;
    }

    long stamp() {
        return invalidations.get();
    }

    /** Keeps a value read from Redis by a command issued after {@code stamp} was taken, unless invalidated since. */
    void put(String key, String value, long stamp) {
        if (!live || invalidations.get() != stamp) {
            return;
        }
        entries.put(key, value);
        if (invalidations.get() != stamp) {
            entries.invalidate(key);
        }
    }

    void invalidate(Collection<String> keys) {
        invalidations.incrementAndGet();
        entries.invalidateAll(keys);
    }

    void invalidateAll() {
        invalidations.incrementAndGet();
        entries.invalidateAll();
    }

    /** The invalidation channel is (again) subscribed: whatever is here may have missed a message. */
    void resume() {
        invalidateAll();
        live = true;
    }
}
