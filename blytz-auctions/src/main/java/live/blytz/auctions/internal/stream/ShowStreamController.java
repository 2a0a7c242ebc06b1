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

/** A live show followed as Server-Sent Events: the same streams, caps and fan-out as an auction's (ADR 0030). */
@Tag(name = "Shows")
@RestController
@RequestMapping("/api/v1/shows")
class ShowStreamController {

    private final LiveStreams streams;

    ShowStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamShow", summary = "Follow a live show (Server-Sent Events, anyone)",
            description = """
                    One event per fact of the show's log, in order; each event's `id` is its sequence number in the \
                    show's log. Events (data is JSON with show_id and occurred_at): `lot_started` (lot_id, \
                    auction_id, product_id, title, currency, starting_price, ends_at, soft_close_seconds), \
                    `bid_placed` (the running lot's bids: lot_id, auction_id, kind `bid`, `proxy` or `buy_now`, \
                    amount, currency, the bidder's public handle, price, minimum_next_bid, ends_at after the bid — a bid \
                    in the soft-close window moves it), `lot_sold` (lot_id, auction_id, winner handle, price, \
                    currency), `lot_unsold` (lot_id, auction_id, cancelled) and `show_ended`. Resume with \
                    Last-Event-ID (or `last_event_id`; `0` replays everything) exactly as an auction's stream: no \
                    gap, no duplicate; heartbeats, `retry:` and the slow-client rule are the same. The stream ends \
                    after `show_ended`; 204 No Content: the show has ended and nothing follows the given id.""")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
            description = "text/event-stream: `id:`, `event:` and `data:` lines per event, `: heartbeat` comments, "
                    + "`retry:` before the server closes the stream")))
    @ApiResponse(responseCode = "204", description = "The show has ended and nothing follows the given id",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "Last-Event-ID (or last_event_id) is not a sequence number")
    @ApiResponse(responseCode = "404", description = "No such show")
    @ApiResponse(responseCode = "429", description = "Too many open streams from this address")
    @ApiResponse(responseCode = "503", description = "This instance holds as many streams as it may, or is "
            + "restarting; retry after Retry-After seconds")
    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Nullable ResponseEntity<Void> stream(@PathVariable UUID id, ClientAddress client, StreamHandover handover,
            @Parameter(description = "The id of the last event received; the stream resumes after it",
                    schema = @Schema(type = "string", pattern = LiveStreams.SEQ_PATTERN, maxLength = 18))
            @RequestHeader(name = LiveStreams.LAST_EVENT_ID, required = false) @Nullable String lastEventId,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers (the header "
                    + "wins when both are sent)", schema = @Schema(type = "string", pattern = LiveStreams.SEQ_PATTERN,
                    maxLength = 18))
            @RequestParam(name = "last_event_id", required = false) @Nullable String lastEventIdParameter) {
        FollowedLog show = streams.showLog(id).orElseThrow(() -> NotFoundException.of("Show", id));
        return streams.respond(show, LiveStreams.resumePoint(lastEventId, lastEventIdParameter), client,
                handover);
    }
}
