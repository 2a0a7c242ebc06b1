package live.blytz.auctions.internal.auction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import live.blytz.auctions.internal.auction.AuctionRequests.BidResult;
import live.blytz.auctions.internal.browse.AuctionBrowseService;
import live.blytz.auctions.internal.browse.AuctionBrowseService.BidView;
import live.blytz.auctions.internal.browse.AuctionBrowseService.Bidder;
import live.blytz.auctions.internal.browse.AuctionResponse;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The auction writes; the reads ({@code GET /auctions...}) are the browse package's, under the same tag. */
@Tag(name = "Auctions", description = """
        Auctions of products. The product's seller (or an admin) opens one for an active product, with the product's \
        prices and currency of that moment; while it is scheduled or running the product's prices, status and deletion \
        are refused by catalog (409), and a sold auction marks the product sold. Bids: proxy maximums, soft close, buy \
        now while no bid has met the reserve. Every response states the server's end time.""")
@RestController
@RequestMapping("/api/v1/auctions")
class AuctionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** Visible ASCII, 1 to 100 characters: a UUID is a good key. */
    static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,100}$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    static final String BUSY = "A dependency is down, or this instance has as many bids of this auction waiting as it "
            + "queues; retry after `Retry-After` seconds";

    private final AuctionService auctions;
    private final AuctionBrowseService views;

    AuctionController(AuctionService auctions, AuctionBrowseService views) {
        this.auctions = auctions;
        this.views = views;
    }

    @Operation(operationId = "openAuction", summary = "Open an auction of a product (its seller, admin)",
            description = "The product must be active and not in another scheduled or running auction. Its starting, "
                    + "reserve and buy-now prices and currency are taken from catalog now. It starts at starts_at "
                    + "(now when absent: running at once; else scheduled) and ends at ends_at or after duration.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "201",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "A public product of another seller")
    @ApiResponse(responseCode = "409", description = "The product is not active, or already has a scheduled or "
            + "running auction")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuctionResponse.Envelope> open(Caller caller, @Valid @RequestBody AuctionRequests.Open body) {
        UUID id = auctions.open(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/auctions/" + id))
                .body(new AuctionResponse.Envelope(views.detail(id, caller)));
    }

    @Operation(operationId = "placeBid", summary = "Bid on a running auction (any account but its seller)",
            description = "amount must be at least the auction's minimum_next_bid (the starting price for the first bid, "
                    + "else the current price plus the increment of its price band); max_amount makes it a proxy bid. "
                    + "Send a unique Idempotency-Key per bid: a retry with the same key and body returns the first "
                    + "outcome (with Idempotent-Replayed: true) and never bids twice. A bid in the auction's last "
                    + "minutes moves its end (soft close). The answer is the bid as you see it (with your maximum and "
                    + "whether you lead) and the auction as it left it.")
    @SecurityRequirement(name = "bearer")
    @RateLimited("auctions-bid")
    @ApiResponse(responseCode = "201", headers = {
            @Header(name = REPLAYED, description = "true when this is the stored outcome of an earlier request with the "
                    + "same key", schema = @Schema(type = "string", allowableValues = "true")),
            @Header(name = HttpHeaders.ETAG, description = "The version of the auction this body shows",
                    schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = "The auction's seller, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such auction")
    @ApiResponse(responseCode = "409", description = "The bid is below minimum_next_bid (the problem carries current_price, "
            + "minimum_next_bid, currency and ends_at), the auction is not running, or the Idempotency-Key was used for "
            + "another request")
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/{id}/bids", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BidResponse> bid(Caller caller, @PathVariable UUID id,
            @Parameter(description = "A key unique to this bid (e.g. a UUID), 1 to 100 visible ASCII characters",
                    schema = @Schema(type = "string", pattern = KEY_PATTERN, minLength = 1, maxLength = 100))
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @Valid @RequestBody AuctionRequests.Bid body) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ValidationException.of(IDEMPOTENCY_KEY, "is required: 1 to 100 visible ASCII characters, e.g. a UUID");
        }
        BidOutcome outcome = auctions.bid(caller, id, key, body);
        BidResult result = outcome.result();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        BidView view = outcome.view() != null ? outcome.view() : views.afterBids(id, result.auction(),
                List.of(new Bidder(caller, result.maxAmount()))).getFirst();
        return response.body(BidResponse.of(result, view));
    }

    @Operation(operationId = "buyAuctionNow", summary = "Buy at the buy-now price (any account but its seller)",
            description = "Offered while the auction runs and no bid has met the reserve; the auction ends, sold to the "
                    + "caller, and the product is marked sold. Safe to retry: the buyer's repeated request is answered "
                    + "with the auction they bought.")
    @SecurityRequirement(name = "bearer")
    @RateLimited("auctions-bid")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "The auction's seller, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such auction")
    @ApiResponse(responseCode = "409", description = "No buy-now price, a bid met the reserve, or not running")
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping("/{id}/buy-now")
    AuctionResponse.Envelope buyNow(Caller caller, @PathVariable UUID id) {
        auctions.buyNow(caller, id);
        return new AuctionResponse.Envelope(views.detail(id, caller));
    }

    @Operation(operationId = "cancelAuction", summary = "Cancel an auction (its seller before the first bid, admin)",
            description = "Only while scheduled or running; the product is free again. The version it is based on is "
                    + "optional, as If-Match; a stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Another seller's auction")
    @ApiResponse(responseCode = "404", description = "No such auction")
    @ApiResponse(responseCode = "409", description = "Already over, bids placed (seller), or stale version")
    @PostMapping("/{id}/cancel")
    AuctionResponse.Envelope cancel(Caller caller, @PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        auctions.cancel(caller, id, ExpectedVersion.of(null, ifMatch));
        return new AuctionResponse.Envelope(views.detail(id, caller));
    }
}
