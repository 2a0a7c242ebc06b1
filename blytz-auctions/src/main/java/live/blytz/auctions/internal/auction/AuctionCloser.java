package live.blytz.auctions.internal.auction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts and ends due auctions on every instance, every {@code blytz.auctions.closer-interval}: the row locks taken
 * with {@code SKIP LOCKED} give each due auction to exactly one instance, and an auction left due by a crash or a
 * restart is simply due at the next look (ADR 0025). A bid after the end is refused by the bid itself, so the closer
 * being late never lets one in.
 */
@Component
class AuctionCloser {

    private static final Logger log = LoggerFactory.getLogger(AuctionCloser.class);

    private final AuctionService auctions;
    private final int batch;

    AuctionCloser(AuctionService auctions, live.blytz.auctions.internal.AuctionsProperties properties) {
        this.auctions = auctions;
        this.batch = properties.closerBatch();
    }

    @Scheduled(fixedDelayString = "${blytz.auctions.closer-interval:250ms}",
            initialDelayString = "${blytz.auctions.closer-interval:250ms}")
    void closeDue() {
        try {
            int handled;
            do {
                handled = auctions.closeDue();
            } while (handled == batch);
        } catch (RuntimeException e) {
            // The database may be down (ADR 0022): the next run tries again; nothing is lost meanwhile.
            log.warn("Closing due auctions failed: {}", e.toString());
        }
    }
}
