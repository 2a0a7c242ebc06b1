package live.blytz.catalog.internal.browse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.catalog.internal.product.ProductRepository;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.Counters;
import live.blytz.sharedkernel.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts product detail views without a database write per request, at most once per client, product and
 * {@code blytz.catalog.view-period} ({@code view_count} is a public sort key: reloading must not pump it). A
 * client is the signed-in user, or else the address key of an anonymous one (its IPv6 /64). Each view is counted in
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
    void viewed(UUID productId, Viewer viewer) {
        try {
            counters.countDistinct(GROUP, productId.toString(), viewer.key(), period);
        } catch (DependencyUnavailableException e) {
            log.debug("View of {} not counted: {}", productId, e.getMessage());
        }
    }

    /** Who viewed a product, for counting it once: the signed-in user, or else the client's address key. */
    record Viewer(String key) {

        static Viewer of(@Nullable Caller caller, ClientAddress client) {
            return new Viewer(caller != null ? "user:" + caller.id().value() : "address:" + client.key());
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
