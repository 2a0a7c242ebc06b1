package live.blytz.catalog.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.CatalogRows;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.sharedkernel.store.Broadcasts;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The near cache of each instance (ADR 0029): two {@link SharedCache}s on one Redis stand for two instances. A change
 * made on one reaches the other's near cache before it commits, and a reader that took the old value before an
 * invalidation cannot keep it afterwards.
 */
@BlytzIntegrationTest
class NearCacheTests {

    @Autowired
    SharedCache here;
    @Autowired
    ExpiringStore store;
    @Autowired
    Broadcasts broadcasts;
    @Autowired
    CatalogProperties properties;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChangeOnOneInstanceEvictsTheOthersNearCopyBeforeItCommits() {
        SharedCache there = new SharedCache(store, broadcasts, properties);
        String key = "catalog:test:" + CatalogRows.word();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            store.put(key, "old", Duration.ofMinutes(1));
            assertThat(there.get(key)).contains("old"); // from Redis, kept near once subscribed
            store.delete(key);
            assertThat(there.get(key)).as("served from the near cache").contains("old");
        });
        store.put(key, "old", Duration.ofMinutes(1));
        assertThat(here.get(key)).contains("old");

        transactions.executeWithoutResult(status -> {
            here.invalidate(key);
            // Not yet committed: the other instance must already have dropped its copy (the message was sent; it
            // arrives within the pub/sub delivery time).
            await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(there.get(key)).isEmpty());
            assertThat(here.get(key)).isEmpty();
        });
        assertThat(there.get(key)).isEmpty();
        assertThat(here.get(key)).isEmpty();
        here.offer(key, "new");
        assertThat(there.get(key)).as("held: nobody refills it right after the change").isEmpty();
    }

    @Test
    void aChangeRedrawsTheGenerationEverywhere() {
        SharedCache there = new SharedCache(store, broadcasts, properties);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String generation = there.generation().orElseThrow();
            store.put(SharedCache.GENERATION, "behind-its-back-" + CatalogRows.word(), Duration.ofMinutes(1));
            assertThat(there.generation()).as("near").contains(generation);
        });
        String before = here.generation().orElseThrow();
        transactions.executeWithoutResult(status -> here.invalidate(List.of()));
        String after = here.generation().orElseThrow();
        assertThat(after).isNotEqualTo(before).doesNotStartWith("behind-its-back");
        await().atMost(Duration.ofMillis(500)).untilAsserted(() -> assertThat(there.generation()).contains(after));
    }

    @Test
    void aValueReadBeforeAnInvalidationIsNotKeptAfterIt() {
        NearCache near = new NearCache(Duration.ofMinutes(1));
        near.resume();
        long stamp = near.stamp(); // a reader about to ask Redis...
        near.invalidate(List.of("k")); // ...the change's invalidation arrives before its answer
        near.put("k", "old", stamp);
        assertThat(near.get("k")).isNull();

        long fresh = near.stamp();
        near.put("k", "new", fresh);
        assertThat(near.get("k")).isEqualTo("new");
    }

    @Test
    void nothingIsServedNearUntilTheChannelIsSubscribed() {
        NearCache near = new NearCache(Duration.ofMinutes(1));
        near.put("k", "v", near.stamp());
        assertThat(near.get("k")).isNull();
        near.resume();
        near.put("k", "v", near.stamp());
        assertThat(near.get("k")).isEqualTo("v");
        near.resume(); // resubscribed after a lost connection: messages may have been missed
        assertThat(near.get("k")).isNull();
    }
}
