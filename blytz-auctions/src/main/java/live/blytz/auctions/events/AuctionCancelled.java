package live.blytz.auctions.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** The seller (before the first bid) or an admin cancelled an auction; its product is free again. */
public record AuctionCancelled(UUID auctionId, UUID productId, UserId sellerId, UserId cancelledBy, Instant occurredAt) {
}
