package live.blytz.auctions.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A bid was accepted: the auction's price, its number of bids, the leader's public handle and its (perhaps extended)
 * end after it. {@code sequence} is the auction's event-log position, which orders the events of one auction.
 */
public record BidPlaced(
        UUID auctionId,
        long sequence,
        BigDecimal price,
        String currency,
        int bidCount,
        String leaderHandle,
        boolean reserveMet,
        Instant endsAt,
        Instant occurredAt) {
}
