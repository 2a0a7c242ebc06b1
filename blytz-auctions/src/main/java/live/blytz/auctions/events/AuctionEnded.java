package live.blytz.auctions.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * An auction ended: {@code sold} to {@code winnerId} at {@code price} (the product is sold with it), or {@code unsold}
 * (no bid, or the reserve was not met; then winner and price are null).
 */
public record AuctionEnded(
        UUID auctionId,
        UUID productId,
        UserId sellerId,
        boolean sold,
        @Nullable UserId winnerId,
        @Nullable BigDecimal price,
        String currency,
        Instant occurredAt) {
}
