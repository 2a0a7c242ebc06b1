package live.blytz.auctions.internal.show;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lot of a show as its row holds it. {@code auctionId} is chosen when the lot is added: catalog holds the product
 * reserved under it from then on, and the lot's auction opens under it when the lot starts. {@code mirroredSeq} is
 * the last fact of that auction's log copied into the show's log.
 */
record Lot(UUID id, UUID showId, int position, UUID productId, UUID auctionId, String title, String currency,
        BigDecimal startingPrice, LotStatus status, long mirroredSeq, Instant addedAt, @Nullable Instant startedAt,
        @Nullable Instant endedAt) {

    Lot changed(LotStatus newStatus, long newMirroredSeq, @Nullable Instant newStartedAt, @Nullable Instant newEndedAt) {
        return new Lot(id, showId, position, productId, auctionId, title, currency, startingPrice, newStatus,
                newMirroredSeq, addedAt, newStartedAt, newEndedAt);
    }
}
