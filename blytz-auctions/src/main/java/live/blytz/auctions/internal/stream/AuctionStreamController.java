package live.blytz.auctions.internal.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.StreamHandover;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An auction followed live, as Server-Sent Events. */
@Tag(name = "Auctions")
@RestController
@RequestMapping("/api/v1/auctions")
class AuctionStreamController {

    private final LiveStreams streams;

    AuctionStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamAuction", summary = "Follow an auction live (Server-Sent Events, anyone)",
            description = """
                    One event per public fact of the auction's log, in order; each event's `id` is the fact's \
                    sequence number. Events: `started` (ends_at), `bid_placed` (kind `bid`, `proxy` or `buy_now`; \
                    amount, currency, the bidder's public handle, the price and minimum_next_bid after it, ends_at), \
                    `extended` (the new ends_at, soft close), `ended` (sold with the winner's handle and price, or \
                    unsold) and `cancelled`; each event's data is JSON with auction_id and occurred_at. A bidder's \
                    maximum and the reserve are never sent. Without Last-Event-ID the stream starts now; with it \
                    (the header, or the `last_event_id` query parameter for clients that cannot set headers; \
                    `0` replays everything) it first replays every fact after that id, then continues live, with \
                    no gap and no duplicate. A comment line (`: heartbeat`) comes every few seconds while nothing \
                    happens. The stream ends after `ended` or `cancelled`; the server also closes it after a while \
                    or when it restarts, sending `retry:` first: reconnect with the last id received. A client too \
                    slow to keep up is disconnected and resumes the same way. 204 No Content: the auction is over \
                    and nothing follows the given id (stop reconnecting).""")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
            description = "text/event-stream: `id:`, `event:` and `data:` lines per event, `: heartbeat` comments, "
                    + "`retry:` before the server closes the stream")))
    @ApiResponse(responseCode = "204", description = "The auction is over and nothing follows the given id",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "Last-Event-ID (or last_event_id) is not a sequence number")
    @ApiResponse(responseCode = "404", description = "No such auction")
    @ApiResponse(responseCode = "429", description = "Too many open streams from this address")
    @ApiResponse(responseCode = "503", description = "This instance holds as many streams as it may, or is "
            + "restarting; retry after Retry-After seconds")
    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Nullable ResponseEntity<Void> stream(@PathVariable UUID id, ClientAddress client, StreamHandover handover,
            @Parameter(description = "The id of the last event received; the stream resumes after it",
                    schema = @Schema(type = "string", pattern = LiveStreams.SEQ_PATTERN, maxLength = 18))
            @RequestHeader(name = LiveStreams.LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers (the header "
                    + "wins when both are sent)", schema = @Schema(type = "string", pattern = LiveStreams.SEQ_PATTERN, maxLength = 18))
            @RequestParam(name = "last_event_id", required = false) @Nullable String lastEventIdParameter) {
        FollowedLog auction = streams.auctionLog(id).orElseThrow(() -> NotFoundException.of("Auction", id));
        return streams.respond(auction, LiveStreams.resumePoint(lastEventId, lastEventIdParameter), client,
                handover);
    }
}
