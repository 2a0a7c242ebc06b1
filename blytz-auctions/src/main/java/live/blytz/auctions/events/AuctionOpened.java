package live.blytz.auctions.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** A seller opened an auction of a product: it runs from {@code startsAt} (perhaps already) until {@code endsAt}. */
public record AuctionOpened(
        UUID auctionId,
        UUID productId,
        UserId sellerId,
        String currency,
        BigDecimal startingPrice,
        Instant startsAt,
        Instant endsAt,
        Instant occurredAt) {
}
