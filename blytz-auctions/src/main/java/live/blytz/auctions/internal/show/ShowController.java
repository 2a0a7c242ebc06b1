package live.blytz.auctions.internal.show;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live shows: their writes (the show's seller, admins) and reads (anyone); the stream is the stream package's. */
@Tag(name = "Shows", description = """
        Live shows. A seller opens a show (the video stays with a streaming provider: the show keeps its playback URL), \
        adds active products of theirs as lots — each is reserved in catalog from then on, so its prices, status and \
        deletion are refused (409) until the lot is removed, withdrawn or has run — and runs it: starting a lot puts it \
        up as an auction with a short countdown and a short soft close, one lot at a time. Follow a show with GET \
        /shows/{id}/stream. Only the show's seller or an admin changes a show.""")
@RestController
@RequestMapping("/api/v1/shows")
class ShowController {

    private final ShowService shows;

    ShowController(ShowService shows) {
        this.shows = shows;
    }

    @Operation(operationId = "openShow", summary = "Open a show (sellers)",
            description = "Scheduled until its first lot starts. The caller is its seller.")
    @SecurityRequirement(name = "bearer", scopes = "seller")
    @ApiResponse(responseCode = "201",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Not a seller, or a suspended account")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShowResponse.Envelope> open(Caller caller, @Valid @RequestBody ShowRequests.Open body) {
        UUID id = shows.open(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/shows/" + id))
                .body(new ShowResponse.Envelope(shows.detail(id)));
    }

    @Operation(operationId = "listShows", summary = "Live and upcoming shows",
            description = "Live shows first, then scheduled ones by start; `status` lists one status instead (ended "
                    + "too). Keyset-paged: pass `pagination.next_cursor` as `cursor` for the next page.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "A filter or page size out of range, or a cursor this API did not "
            + "issue (or issued for other filters)")
    @GetMapping
    ShowListResponse list(
            @Parameter(description = "Only shows in this status; without it, live and scheduled ones",
                    schema = @Schema(allowableValues = {"scheduled", "live", "ended"}))
            @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "Only this seller's shows")
            @RequestParam(name = "seller_id", required = false) @Nullable UUID sellerId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize,
            @Parameter(description = "next_cursor of the previous response, passed back unchanged (with the same "
                    + "filters)", schema = @Schema(maxLength = CursorCodec.MAX_ENCODED_LENGTH))
            @RequestParam(required = false) @Nullable String cursor) {
        ShowStatus wanted = status == null ? null : Codes.find(ShowStatus.class, status)
                .orElseThrow(() -> ValidationException.of("status", "must be one of scheduled, live, ended"));
        return shows.list(wanted, sellerId, pageSize, cursor);
    }

    @Operation(operationId = "getShow", summary = "A show with its lots in order (anyone)")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such show")
    @GetMapping("/{id}")
    ShowResponse.Envelope get(@PathVariable UUID id) {
        return new ShowResponse.Envelope(shows.detail(id));
    }

    @Operation(operationId = "addShowLot", summary = "Add a product as the show's last lot (its seller, admin)",
            description = "The product must be an active product of the show's seller, in no auction or other lot. "
                    + "Catalog holds it reserved for the lot from now on.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "201",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Another seller's show or product, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such show")
    @ApiResponse(responseCode = "409", description = "The show has ended or is full, or the product is not active or "
            + "already in an auction or lot")
    @PostMapping(path = "/{id}/lots", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShowResponse.Envelope> addLot(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody ShowRequests.AddLot body) {
        shows.addLot(caller, id, body);
        return ResponseEntity.created(URI.create("/api/v1/shows/" + id))
                .body(new ShowResponse.Envelope(shows.detail(id)));
    }

    @Operation(operationId = "removeShowLot", summary = "Remove a lot that has not started (its seller, admin)",
            description = "The product is free again. The show's version it is based on is optional, as If-Match; a "
                    + "stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "204")
    @ApiResponse(responseCode = "403", description = "Another seller's show, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such show, or no such lot in it")
    @ApiResponse(responseCode = "409", description = "The lot has started, the show has ended, or a stale version")
    @DeleteMapping("/{id}/lots/{lotId}")
    ResponseEntity<Void> removeLot(Caller caller, @PathVariable UUID id, @PathVariable UUID lotId,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        shows.removeLot(caller, id, lotId, ExpectedVersion.of(null, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "reorderShowLots", summary = "Set the order of the lots still to run (its seller, admin)",
            description = "List every pending lot once, in the order they should run; they follow the lots that have "
                    + "run. The order is what viewers see: any pending lot may be started. The show's version it is "
                    + "based on is optional, as If-Match; a stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Another seller's show, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such show")
    @ApiResponse(responseCode = "409", description = "The list is not exactly the pending lots, the show has ended, or "
            + "a stale version")
    @PutMapping(path = "/{id}/lots/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    ShowResponse.Envelope reorder(Caller caller, @PathVariable UUID id, @Valid @RequestBody ShowRequests.Order body,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        shows.reorder(caller, id, body.lotIds(), ExpectedVersion.of(null, ifMatch));
        return new ShowResponse.Envelope(shows.detail(id));
    }

    @Operation(operationId = "startShowLot", summary = "Put a lot up for auction now (its seller, admin)",
            description = "The lot's auction runs at once for the show's countdown (30 seconds by default); a bid in "
                    + "its last seconds (10 by default) moves its end to that bid's time plus those seconds (soft "
                    + "close). Its prices are the product's. The show goes live. Lots run one at a time: while another "
                    + "lot of the show runs, a 409 naming it (current_lot_id).")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Another seller's show, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such show, or no such lot in it")
    @ApiResponse(responseCode = "409", description = "Another lot is running, this lot has run, the show has ended, "
            + "or the product can no longer be auctioned")
    @PostMapping("/{id}/lots/{lotId}/start")
    ShowResponse.Envelope startLot(Caller caller, @PathVariable UUID id, @PathVariable UUID lotId) {
        shows.startLot(caller, id, lotId);
        return new ShowResponse.Envelope(shows.detail(id));
    }

    @Operation(operationId = "endShow", summary = "End a show (its seller, admin)",
            description = "Lots that have not run are withdrawn and their products freed. Not while a lot runs.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Another seller's show, or a suspended account")
    @ApiResponse(responseCode = "404", description = "No such show")
    @ApiResponse(responseCode = "409", description = "A lot is running, or the show has already ended")
    @PostMapping("/{id}/end")
    ShowResponse.Envelope end(Caller caller, @PathVariable UUID id) {
        shows.end(caller, id);
        return new ShowResponse.Envelope(shows.detail(id));
    }
}
