package live.blytz.auctions.internal.browse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * One auction as the caller may see it: the reserve price only to its seller and admins (everyone sees whether it is
 * met), bidders' real ids only to the seller and admins (others see the per-auction handle), and a bidder's maximum
 * only to that bidder.
 */
@Schema(name = "Auction")
public record AuctionResponse(
        UUID id,
        ProductRef product,
        SellerRef seller,
        @Schema(description = "The product's category when the auction opened (the list's category_id filter)")
        UUID categoryId,
        @Schema(allowableValues = {"scheduled", "running", "ended", "cancelled"}) String status,
        @Schema(types = {"string", "null"}, allowableValues = {"sold", "unsold"},
                description = "Once ended: sold (to the winner, at current_price) or unsold (no bid, or reserve not met)")
        @Nullable String outcome,
        @Schema(example = "EUR") String currency,
        @Schema(types = "number") BigDecimal startingPrice,
        @Schema(types = "number", description = "The leading bid, or the starting price before the first bid")
        BigDecimal currentPrice,
        @Schema(types = {"number", "null"}, description = "The least the next bid may be; null unless it takes bids")
        @Nullable BigDecimal minimumNextBid,
        int bidCount,
        @Schema(types = {"object", "null"}, description = "The leading bidder; null before the first bid")
        @Nullable BidderRef leader,
        boolean hasReserve,
        @Schema(description = "Whether the leading bid meets the reserve (with no reserve: whether there is a bid)")
        boolean reserveMet,
        @Schema(types = {"number", "null"}, description = "Only for the seller and admins; null for everyone else")
        @Nullable BigDecimal reservePrice,
        @Schema(types = {"number", "null"}) @Nullable BigDecimal buyNowPrice,
        @Schema(description = "Whether POST /auctions/{id}/buy-now would be accepted now (no bid has met the reserve)")
        boolean buyNowAvailable,
        @Schema(types = {"object", "null"}, description = "The buyer of a sold auction") @Nullable BidderRef winner,
        @Schema(types = {"number", "null"}, description = "Your own proxy maximum, if you bid; nobody else sees it")
        @Nullable BigDecimal yourMaxAmount,
        Instant startsAt,
        @Schema(description = "The server's end time; a late bid moves it (soft close)") Instant endsAt,
        Instant createdAt,
        @Schema(types = {"string", "null"}, format = "date-time") @Nullable Instant closedAt,
        @Schema(description = "The number of facts in the auction's log; the ETag") long version) {

    /** The auctioned product. */
    @Schema(name = "AuctionProduct")
    public record ProductRef(UUID id,
            @Schema(description = "The product's title when the auction opened: an auction's terms are fixed then "
                    + "(GET /products/{id} has the product as it is now)") String title) {
    }

    /** The seller, with their current public name. */
    @Schema(name = "AuctionSeller")
    public record SellerRef(UUID id,
            @Schema(types = {"string", "null"}, description = "The seller's current public name (a profile change "
                    + "shows here moments later); null until their profile has reached the auctions, moments after "
                    + "they registered") @Nullable String displayName) {
    }

    /** A bidder as the caller sees them: the auction's handle, the id only for the seller, admins and themselves. */
    @Schema(name = "AuctionBidder")
    public record BidderRef(@Schema(example = "bidder-3") String handle,
            @Schema(types = {"string", "null"}, format = "uuid",
                    description = "Only for the auction's seller, admins and the bidder themselves")
            @Nullable UUID bidderId) {
    }

    @Schema(name = "AuctionEnvelope")
    public record Envelope(AuctionResponse auction) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return auction.version();
        }
    }
}
