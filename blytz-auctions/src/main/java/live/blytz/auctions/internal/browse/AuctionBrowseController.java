package live.blytz.auctions.internal.browse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import live.blytz.auctions.internal.auction.AuctionStatus;
import live.blytz.auctions.internal.browse.AuctionListResponses.Auctions;
import live.blytz.auctions.internal.browse.AuctionListResponses.Bids;
import live.blytz.auctions.internal.browse.AuctionListResponses.MyAuctions;
import live.blytz.auctions.internal.browse.AuctionListResponses.MyBids;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.web.EntityTags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auction reads (the writes are the auction package's, under the same tag). */
@Tag(name = "Auctions")
@RestController
@RequestMapping("/api/v1/auctions")
class AuctionBrowseController {

    private static final String CURSOR_DOC = "next_cursor of the previous response, passed back unchanged (with the "
            + "same filters and sort); an altered or foreign cursor is a 400 naming cursor";

    private final AuctionBrowseService auctions;

    AuctionBrowseController(AuctionBrowseService auctions) {
        this.auctions = auctions;
    }

    @Operation(operationId = "listAuctions", summary = "Browse auctions",
            description = "Filtered and sorted, keyset-paged: pass `pagination.next_cursor` as `cursor` for the next "
                    + "page. By default the auctions that can still be bid on (scheduled and running), ending soonest "
                    + "first.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "A filter, sort or page parameter out of range, or a cursor this "
            + "API did not issue")
    @GetMapping
    Auctions list(
            @Parameter(description = "Only auctions in this status; without it, the scheduled and running ones",
                    schema = @Schema(allowableValues = {"scheduled", "running", "ended", "cancelled"}))
            @RequestParam(required = false) @Nullable AuctionStatus status,
            @Parameter(description = "Only auctions of products in this category and all its sub-categories")
            @RequestParam(name = "category_id", required = false) @Nullable UUID categoryId,
            @Parameter(description = "Only this seller's auctions")
            @RequestParam(name = "seller_id", required = false) @Nullable UUID sellerId,
            @Parameter(description = "Only auctions ending before this instant (ISO 8601, e.g. 2026-12-24T18:00:00Z)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "ending_before", required = false) @Nullable String endingBefore,
            @Parameter(description = "ends_at: ending soonest (default); -created_at: newest; price / -price: current "
                    + "price", schema = @Schema(allowableValues = {"ends_at", "-ends_at", "created_at", "-created_at",
                            "price", "-price"}))
            @RequestParam(required = false) @Nullable String sort,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize,
            @Parameter(description = CURSOR_DOC, schema = @Schema(maxLength = CursorCodec.MAX_ENCODED_LENGTH))
            @RequestParam(required = false) @Nullable String cursor,
            @Nullable Caller caller) {
        AuctionFilter filter = new AuctionFilter(status == null ? null : status.code(), categoryId, sellerId,
                instant(endingBefore));
        return auctions.list(filter, sort, pageSize, cursor, caller);
    }

    @Operation(operationId = "listMyAuctions", summary = "The caller's own auctions as a seller, in every status",
            description = "Newest first, with their reserve prices.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200")
    @GetMapping("/mine")
    MyAuctions mine(Caller caller,
            @Parameter(description = "1-based page") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return auctions.ofSeller(caller, page, pageSize);
    }

    @Operation(operationId = "listMyAuctionBids", summary = "The auctions the caller bid in, and where they stand",
            description = "Latest bid first: leading or outbid while an auction runs, won or lost once it ended "
                    + "(cancelled if it was). Each shows the caller's own maximum.")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "200")
    @GetMapping("/mine/bids")
    MyBids myBids(Caller caller,
            @Parameter(description = "1-based page") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return auctions.ofBidder(caller, page, pageSize);
    }

    @Operation(operationId = "getAuction", summary = "One auction",
            description = "Current price, bid count, the leader's handle, whether the reserve is met, the server's "
                    + "end time and the minimum next bid. The reserve price is shown only to the seller and admins, "
                    + "a bidder's maximum only to that bidder.")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such auction")
    @GetMapping("/{id}")
    AuctionResponse.Envelope get(@PathVariable UUID id, @Nullable Caller caller) {
        return new AuctionResponse.Envelope(auctions.detail(id, caller));
    }

    @Operation(operationId = "listAuctionBids", summary = "An auction's accepted bids, newest first",
            description = "Bidders appear as a handle stable within the auction (bidder-1 bid first); the seller and "
                    + "admins also see their ids, a bidder their own. Maximums are never shown.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "A page size out of range, or a cursor this API did not issue")
    @ApiResponse(responseCode = "404", description = "No such auction")
    @GetMapping("/{id}/bids")
    Bids bids(@PathVariable UUID id,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize,
            @Parameter(description = CURSOR_DOC, schema = @Schema(maxLength = CursorCodec.MAX_ENCODED_LENGTH))
            @RequestParam(required = false) @Nullable String cursor,
            @Nullable Caller caller) {
        return auctions.bids(id, pageSize, cursor, caller);
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("ending_before", "must be an ISO 8601 instant such as 2026-12-24T18:00:00Z");
        }
    }
}
