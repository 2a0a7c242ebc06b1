package live.blytz.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.store.Counters;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The store ports against the real Redis. */
@BlytzIntegrationTest
class RedisStoresTests {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    ExpiringStore store;

    @Autowired
    Counters counters;

    @Test
    void valuesExpire() throws InterruptedException {
        String key = "test:" + Ids.newId();
        store.put(key, "v", Duration.ofMillis(200));
        assertThat(store.get(key)).contains("v");
        Thread.sleep(400);
        assertThat(store.get(key)).isEmpty();
    }

    @Test
    void getAllReturnsTheExistingKeysOnly() {
        String a = "test:" + Ids.newId();
        String b = "test:" + Ids.newId();
        store.put(a, "va", Duration.ofMinutes(1));
        assertThat(store.getAll(java.util.List.of(a, b))).isEqualTo(Map.of(a, "va"));
    }

    @Test
    void putAllIfAbsentFillsTheGapsAndKeepsWhatIsThere() throws InterruptedException {
        String present = "test:" + Ids.newId();
        String absent = "test:" + Ids.newId();
        store.put(present, "newer", Duration.ofMinutes(1));
        store.putAllIfAbsent(Map.of(present, "older", absent, "filled"), Duration.ofMillis(300));
        assertThat(store.getAll(java.util.List.of(present, absent))).isEqualTo(Map.of(present, "newer", absent, "filled"));
        Thread.sleep(500);
        assertThat(store.get(absent)).isEmpty();
        assertThat(store.get(present)).contains("newer");
    }

    @Test
    void putIfAbsentLetsExactlyOneWriterWin() throws Exception {
        String key = "test:" + Ids.newId();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            long winners = pool.invokeAll(IntStream.range(0, 20)
                            .<java.util.concurrent.Callable<Boolean>>mapToObj(i -> () -> store.putIfAbsent(key, "w" + i, Duration.ofMinutes(1)))
                            .toList())
                    .stream().filter(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).count();
            assertThat(winners).isEqualTo(1);
        }
    }

    @Test
    void countersCountEachVisitorOncePerPeriodAndDrainExactlyOnce() {
        String group = "test-views-" + Ids.newId();
        for (int i = 0; i < 5; i++) {
            counters.countDistinct(group, "a", "visitor-" + i, HOUR);
            counters.countDistinct(group, "a", "visitor-" + i, HOUR);
        }
        counters.countDistinct(group, "b", "visitor-0", HOUR);
        assertThat(counters.drain(group)).isEqualTo(Map.of("a", 5L, "b", 1L));
        assertThat(counters.drain(group)).isEmpty();
        // Still the same period: a visitor already counted is not counted again after a drain either.
        counters.countDistinct(group, "a", "visitor-0", HOUR);
        assertThat(counters.drain(group)).isEmpty();
    }

    @Test
    void distinctVisitorsAreCountedWithinAboutOnePercent() {
        String group = "test-views-" + Ids.newId();
        int visitors = 5_000;
        for (int i = 0; i < visitors; i++) {
            counters.countDistinct(group, "popular", "visitor-" + i, HOUR);
        }
        assertThat(counters.drain(group).get("popular")).isCloseTo((long) visitors, withinPercentage(3));
    }
}
