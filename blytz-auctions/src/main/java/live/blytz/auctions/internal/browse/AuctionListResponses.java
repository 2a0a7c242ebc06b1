package live.blytz.auctions.internal.browse;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auctions.internal.browse.AuctionResponse.BidderRef;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** The list bodies of the auction reads: {@code {"data": [...], "pagination": {...}}}. */
public final class AuctionListResponses {

    private AuctionListResponses() {
    }

    /** Keyset paging: pass {@code next_cursor} back as {@code cursor} for the next slice. */
    @Schema(name = "AuctionCursorPagination")
    public record CursorPagination(int pageSize,
            @Schema(types = {"string", "null"}, description = "Pass as `cursor` for the next page; null on the last page")
            @Nullable String nextCursor) {
    }

    @Schema(name = "AuctionOffsetPagination")
    record OffsetPagination(int page, int pageSize, long total, int totalPages) {

        static OffsetPagination of(PageRequest request, long total) {
            return new OffsetPagination(request.page(), request.pageSize(), total,
                    (int) ((total + request.pageSize() - 1) / request.pageSize()));
        }
    }

    @Schema(name = "AuctionList")
    record Auctions(List<AuctionResponse> data, CursorPagination pagination) {
    }

    @Schema(name = "MyAuctionList")
    record MyAuctions(List<AuctionResponse> data, OffsetPagination pagination) {
    }

    /** One of the caller's auctions as a bidder, and where they stand in it. */
    @Schema(name = "MyAuctionBid")
    record MyBid(AuctionResponse auction,
            @Schema(allowableValues = {"leading", "outbid", "won", "lost", "cancelled"}) String standing) {
    }

    @Schema(name = "MyAuctionBidList")
    record MyBids(List<MyBid> data, OffsetPagination pagination) {
    }

    /** An accepted bid of the history. */
    @Schema(name = "AuctionBid")
    record Bid(@Schema(description = "The bid's position in the auction's log") long sequence, BidderRef bidder,
            @Schema(types = "number") BigDecimal amount,
            @Schema(allowableValues = {"bid", "proxy", "buy_now"},
                    description = "bid: placed by the bidder; proxy: placed for them within their maximum; buy_now")
            String kind,
            Instant placedAt,
            @Schema(description = "Whether the caller placed it (or it was placed for them)") boolean yours) {
    }

    @Schema(name = "AuctionBidList")
    record Bids(UUID auctionId, String currency, List<Bid> data, CursorPagination pagination) {
    }
}
