package live.blytz.catalog.internal.browse;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.catalog.internal.product.ProductRepository;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.Counters;
import live.blytz.sharedkernel.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts product detail views without a database write or a Redis round trip per request, at most once per client,
 * product and {@code blytz.catalog.view-period} ({@code view_count} is a public sort key: reloading must not pump
 * it). A client is its address key (an IPv6 /64), signed in or not: accounts cost nothing to open, so counting per
 * account would let one address pump the count with many of them.
 * <p>
 * A view is first buffered in this instance (a set of clients per product, so repeats cost nothing);
 * {@link #push()} (every {@code blytz.catalog.view-push-interval}) counts the buffer in the shared {@link Counters}
 * in one pipelined batch, where the distinct count across instances and periods is kept. {@link #flush()} (every
 * {@code blytz.catalog.view-flush-interval}) pushes, drains the shared counts atomically and adds them to
 * {@code view_count} in one statement. Counts drained but not written (database down) are kept and retried on the
 * next flush, so the total is eventually exact; a crash loses this instance's buffer (at most one push interval of
 * views) and a batch drained but not yet written (ADR 0029).
 */
@Component
class ProductViewCounter {

    static final String GROUP = "catalog:product-views";
    /** Distinct (product, client) pairs one push may carry; views beyond it are dropped until the next push. */
    static final int MAX_BUFFERED = 100_000;
    private static final Logger log = LoggerFactory.getLogger(ProductViewCounter.class);

    private final Counters counters;
    private final ProductRepository products;
    private final Duration period;
    private final ConcurrentHashMap<String, Set<String>> buffered = new ConcurrentHashMap<>();
    private final AtomicInteger bufferedCount = new AtomicInteger();
    private final Map<UUID, Long> unwritten = new HashMap<>();

    ProductViewCounter(Counters counters, ProductRepository products, CatalogProperties properties) {
        this.counters = counters;
        this.products = products;
        this.period = properties.viewPeriod();
    }

    /** Counts one view, in memory until the next push. */
    void viewed(UUID productId, ClientAddress client) {
        if (bufferedCount.get() >= MAX_BUFFERED) {
            return;
        }
        // compute() is atomic with push()'s remove(): a view lands either in the set being pushed or in a new one.
        buffered.compute(productId.toString(), (product, clients) -> {
            Set<String> set = clients == null ? new HashSet<>() : clients;
            if (set.add(client.key())) {
                bufferedCount.incrementAndGet();
            }
            return set;
        });
    }

    /** Counts the buffered views in the shared store; a store outage loses them rather than failing reads. */
    @Scheduled(fixedDelayString = "${blytz.catalog.view-push-interval:1s}",
            initialDelayString = "${blytz.catalog.view-push-interval:1s}")
    synchronized void push() {
        Map<String, Set<String>> batch = new HashMap<>();
        for (String product : buffered.keySet()) {
            Set<String> clients = buffered.remove(product);
            if (clients != null) {
                batch.put(product, clients);
                bufferedCount.addAndGet(-clients.size());
            }
        }
        try {
            counters.countDistinct(GROUP, batch, period);
        } catch (DependencyUnavailableException e) {
            log.debug("{} products' views not counted: {}", batch.size(), e.getMessage());
        }
    }

    /** Writes every view counted so far; returns how many views it wrote. Serialised, so tests may call it too. */
    @Scheduled(fixedDelayString = "${blytz.catalog.view-flush-interval:10s}",
            initialDelayString = "${blytz.catalog.view-flush-interval:10s}")
    synchronized long flush() {
        push();
        try {
            counters.drain(GROUP).forEach((member, count) -> {
                try {
                    unwritten.merge(UUID.fromString(member), count, Long::sum);
                } catch (IllegalArgumentException e) {
                    log.warn("Ignoring a view counter for a malformed product id");
                }
            });
        } catch (DependencyUnavailableException e) {
            log.warn("Views not drained this time: {}", e.getMessage());
        }
        if (unwritten.isEmpty()) {
            return 0;
        }
        try {
            products.addViews(unwritten);
        } catch (DataAccessException e) {
            log.warn("Views not written this time; they are kept for the next flush: {}", e.getMessage());
            return 0;
        }
        long written = unwritten.values().stream().mapToLong(Long::longValue).sum();
        unwritten.clear();
        return written;
    }
}
