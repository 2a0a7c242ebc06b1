package live.blytz.auctions.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/**
 * The seller (before the first bid) or an admin cancelled an auction, or its seller was suspended ({@code cancelledBy}
 * is then the seller); its product is free again.
 */
public record AuctionCancelled(UUID auctionId, UUID productId, UserId sellerId, UserId cancelledBy, Instant occurredAt) {
}
