package live.blytz.auctions.internal.show;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auctions.internal.browse.AuctionListResponses.CursorPagination;
import org.jspecify.annotations.Nullable;

/** A page of the show listing: {@code {"data": [...], "pagination": {...}}}, keyset-paged. */
@Schema(name = "ShowList")
record ShowListResponse(List<Summary> data, CursorPagination pagination) {

    /** A show without its lots (GET /shows/{id} has them). */
    @Schema(name = "ShowSummary")
    record Summary(
            UUID id,
            UUID sellerId,
            String title,
            @Schema(types = {"string", "null"}, format = "uri") @Nullable String playbackUrl,
            @Schema(allowableValues = {"scheduled", "live", "ended"}) String status,
            Instant startsAt,
            @Schema(types = {"string", "null"}, format = "uuid", description = "The running lot, if one runs")
            @Nullable UUID currentLotId,
            int lotCount,
            Instant createdAt,
            @Schema(types = {"string", "null"}, format = "date-time") @Nullable Instant endedAt,
            long version) {

        static Summary of(ShowQueries.Row row) {
            Show show = row.show();
            return new Summary(show.id(), show.sellerId().value(), show.title(), show.playbackUrl(),
                    show.status().code(), show.startsAt(), show.currentLotId(), row.lotCount(), show.createdAt(),
                    show.endedAt(), show.version());
        }
    }
}
