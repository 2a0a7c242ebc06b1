package live.blytz.auctions.internal.auction;

import java.time.Clock;
import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.sharedkernel.Instants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts and ends due auctions on every instance, every {@code blytz.auctions.closer-interval}: the row locks taken
 * with {@code SKIP LOCKED} give each due auction to exactly one instance, and an auction left due by a crash or a
 * restart is simply due at the next look (ADR 0025). A bid after the end is refused by the bid itself, so the closer
 * being late never lets one in. It also forgets bid idempotency keys past their time to live.
 */
@Component
class AuctionCloser {

    private static final Logger log = LoggerFactory.getLogger(AuctionCloser.class);

    private final AuctionService auctions;
    private final IdempotencyKeyRepository keys;
    private final AuctionsProperties properties;
    private final Clock clock;

    AuctionCloser(AuctionService auctions, IdempotencyKeyRepository keys, AuctionsProperties properties, Clock clock) {
        this.auctions = auctions;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${blytz.auctions.closer-interval:250ms}",
            initialDelayString = "${blytz.auctions.closer-interval:250ms}")
    void closeDue() {
        try {
            int handled;
            do {
                handled = auctions.closeDue();
            } while (handled == properties.closerBatch());
        } catch (RuntimeException e) {
            // The database may be down (ADR 0022): the next run tries again; nothing is lost meanwhile.
            log.warn("Closing due auctions failed: {}", e.toString());
        }
    }

    /** Forgets bid idempotency keys older than {@code blytz.auctions.idempotency-key-ttl}, on any instance. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeIdempotencyKeys() {
        try {
            keys.purgeBefore(Instants.now(clock).minus(properties.idempotencyKeyTtl()));
        } catch (RuntimeException e) {
            log.warn("Purging bid idempotency keys failed: {}", e.toString());
        }
    }
}
