package live.blytz.auctions.internal.auction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import live.blytz.auctions.internal.auction.AuctionRequests.BidResult;
import live.blytz.auctions.internal.browse.AuctionBrowseService.BidView;
import live.blytz.auctions.internal.browse.AuctionResponse;
import live.blytz.auctions.internal.browse.AuctionResponse.BidderRef;
import live.blytz.sharedkernel.web.Versioned;

/** The body of an accepted bid: the bid as its bidder sees it, and the auction as that bid left it. */
@Schema(name = "BidEnvelope")
record BidResponse(
        PlacedBid bid,
        @Schema(description = "The auction as your bid left it, as you may see it (GET /auctions/{id} at that "
                + "version); a retry with the same Idempotency-Key answers the same, whatever happened since (only "
                + "seller.display_name is read as it is then)")
        AuctionResponse auction) implements Versioned {

    static BidResponse of(BidResult result, BidView view) {
        return new BidResponse(new PlacedBid(result.sequence(), result.kind(), view.bidder(), result.amount(),
                result.maxAmount(), result.leading(), result.placedAt()), view.auction());
    }

    @Override
    @JsonIgnore
    public long version() {
        return auction.version();
    }

    /** An accepted bid as its bidder sees it: its history entry, with their maximum and whether they lead. */
    @Schema(name = "PlacedBid")
    record PlacedBid(
            @Schema(description = "The bid's position in the auction's log: its sequence in GET /auctions/{id}/bids "
                    + "(for max_raised, the private fact's, which the history does not show)") long sequence,
            @Schema(allowableValues = {BidResult.BID, BidResult.MAX_RAISED}, description = "bid: a new bid in the "
                    + "history; max_raised: you led already, so only your maximum rose (nobody else learns of it, the "
                    + "price stays)") String kind,
            @Schema(description = "You in this auction: your handle (as the history and the stream show you) and id")
            BidderRef bidder,
            @Schema(types = "number", description = "What your bid stands at: your amount, raised to your maximum when "
                    + "the leader's maximum covered it, or towards the reserve; for max_raised, the current price")
            BigDecimal amount,
            @Schema(types = "number", description = "Your proxy maximum (amount when you sent none); only you see it")
            BigDecimal maxAmount,
            @Schema(description = "Whether you lead once the leader's proxy answered your bid") boolean leading,
            @Schema(description = "When the server accepted it") Instant placedAt) {
    }
}
