package live.blytz.catalog.internal.browse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
 * Counts product detail views without a database write per request, at most once per client, product and
 * {@code blytz.catalog.view-period} ({@code view_count} is a public sort key: reloading must not pump it). A
 * client is its address key (an IPv6 /64), signed in or not: accounts cost nothing to open, so counting per
 * account would let one address pump the count with many of them. Each view is counted in
 * the shared {@link Counters}; {@link #flush()} (every {@code blytz.catalog.view-flush-interval}) drains them atomically and
 * adds them to {@code view_count} in one statement. Counts drained but not written (database down) are kept and
 * retried on the next flush, so the total is eventually exact; only a crash in between loses that batch.
 */
@Component
class ProductViewCounter {

    static final String GROUP = "catalog:product-views";
    private static final Logger log = LoggerFactory.getLogger(ProductViewCounter.class);

    private final Counters counters;
    private final ProductRepository products;
    private final Duration period;
    private final Map<UUID, Long> unwritten = new HashMap<>();

    ProductViewCounter(Counters counters, ProductRepository products, CatalogProperties properties) {
        this.counters = counters;
        this.products = products;
        this.period = properties.viewPeriod();
    }

    /** Counts one view; a store outage loses the view rather than failing the read. */
    void viewed(UUID productId, ClientAddress client) {
        try {
            counters.countDistinct(GROUP, productId.toString(), client.key(), period);
        } catch (DependencyUnavailableException e) {
            log.debug("View of {} not counted: {}", productId, e.getMessage());
        }
    }

    /** Writes every view counted so far; returns how many views it wrote. Serialised, so tests may call it too. */
    @Scheduled(fixedDelayString = "${blytz.catalog.view-flush-interval:10s}",
            initialDelayString = "${blytz.catalog.view-flush-interval:10s}")
    synchronized long flush() {
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
