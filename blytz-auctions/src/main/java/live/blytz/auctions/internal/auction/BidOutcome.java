package live.blytz.auctions.internal.auction;

import live.blytz.auctions.internal.auction.AuctionRequests.BidResult;
import live.blytz.auctions.internal.browse.AuctionBrowseService.BidView;
import org.jspecify.annotations.Nullable;

/**
 * An accepted bid's answer: its result, whether it is the stored first outcome of an earlier request with the same
 * Idempotency-Key, and the auction as its bidder sees it after the bid, when its batch read it (null for a retry, or
 * when that read failed: the bid's request then reads it itself).
 */
record BidOutcome(BidResult result, boolean replayed, @Nullable BidView view) {
}
