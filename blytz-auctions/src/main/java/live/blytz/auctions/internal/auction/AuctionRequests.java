package live.blytz.auctions.internal.auction;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.auctions.internal.browse.AuctionBrowseService.AfterBid;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the auction writes, and what a bid's Idempotency-Key keeps of its outcome. No body has a seller, price,
 * status or time the server owns: the product's prices and currency are taken from catalog, and any unknown field is a
 * 400 naming it (no mass assignment).
 */
final class AuctionRequests {

    /** The largest amount a price column holds: NUMERIC(12,2). */
    static final String MAX_AMOUNT = "9999999999.99";
    static final String MONEY = "Exact decimal in the auction's currency, with at most its minor-unit digits";

    private AuctionRequests() {
    }

    @Schema(name = "AuctionOpenRequest", description = "Send ends_at or duration, not both")
    record Open(
            @NotNull UUID productId,
            @Schema(types = {"string", "null"}, format = "date-time",
                    description = "When bidding opens; now when absent. Not in the past")
            @Nullable Instant startsAt,
            @Schema(types = {"string", "null"}, format = "date-time", description = "When bidding closes")
            @Nullable Instant endsAt,
            @Schema(types = {"string", "null"}, example = "PT2H",
                    description = "ISO 8601 duration from starts_at, instead of ends_at")
            @Size(max = 40) @Nullable String duration) {
    }

    @Schema(name = "BidRequest")
    record Bid(
            @Schema(types = "number", description = MONEY + "; at least the minimum next bid", minimum = "0",
                    exclusiveMinimum = true, maximum = MAX_AMOUNT)
            @NotNull BigDecimal amount,
            @Schema(types = {"number", "null"}, description = MONEY + "; your proxy maximum, at least amount: the "
                    + "system outbids others for you up to it, one increment at a time. Only you see it while it stands; "
                    + "once another maximum beats it, the history shows your last proxy bid at it (as on eBay)",
                    minimum = "0", exclusiveMinimum = true, maximum = MAX_AMOUNT)
            @Nullable BigDecimal maxAmount) {
    }

    /**
     * An accepted bid's outcome, as its Idempotency-Key keeps it for a retry: the bid ({@code kind} bid, or max_raised
     * when its leading bidder only raised their maximum), and the auction as the batch it was decided in left it
     * (ADR 0025): a bid accepted and outbid by a higher one decided with it is accepted, and not leading.
     */
    record BidResult(long sequence, String kind, BigDecimal amount, BigDecimal maxAmount, boolean leading,
            Instant placedAt, AfterBid auction) {

        static final String BID = "bid";
        static final String MAX_RAISED = "max_raised";
    }
}
