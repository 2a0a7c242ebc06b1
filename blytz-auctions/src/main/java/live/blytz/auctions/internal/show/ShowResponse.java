package live.blytz.auctions.internal.show;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;

/** A show with its lots in their order, as anyone may see it (nothing of a show is private). */
@Schema(name = "Show")
record ShowResponse(
        UUID id,
        UUID sellerId,
        String title,
        @Schema(types = {"string", "null"}, format = "uri") @Nullable String playbackUrl,
        @Schema(allowableValues = {"scheduled", "live", "ended"},
                description = "scheduled until its first lot starts, then live until it ends") String status,
        Instant startsAt,
        @Schema(types = {"string", "null"}, format = "uuid", description = "The running lot, if one runs")
        @Nullable UUID currentLotId,
        List<LotResponse> lots,
        Instant createdAt,
        @Schema(types = {"string", "null"}, format = "date-time") @Nullable Instant endedAt,
        @Schema(description = "Counts the changes of the show and of its lots (not their bids); the ETag")
        long version) {

    static ShowResponse of(Show show, List<Lot> lots) {
        return new ShowResponse(show.id(), show.sellerId().value(), show.title(), show.playbackUrl(),
                show.status().code(), show.startsAt(), show.currentLotId(), lots.stream().map(LotResponse::of).toList(),
                show.createdAt(), show.endedAt(), show.version());
    }

    /** A lot: a product of the show's seller, put up as an auction when it starts. */
    @Schema(name = "ShowLot")
    record LotResponse(
            UUID id,
            @Schema(description = "Its place in the show, from 1 in the order lots were added") int position,
            UUID productId,
            String title,
            @Schema(example = "EUR") String currency,
            @Schema(types = "number", description = "The product's starting price when the lot was added (it cannot "
                    + "change while the lot holds the product)") BigDecimal startingPrice,
            @Schema(allowableValues = {"pending", "running", "sold", "unsold", "withdrawn"},
                    description = "pending until started; running while its auction runs; sold or unsold after it; "
                            + "withdrawn when the show ended before it ran") String status,
            @Schema(types = {"string", "null"}, format = "uuid",
                    description = "Its auction (GET /auctions/{id}), once started; null while pending or withdrawn")
            @Nullable UUID auctionId,
            @Schema(types = {"string", "null"}, format = "date-time") @Nullable Instant startedAt,
            @Schema(types = {"string", "null"}, format = "date-time") @Nullable Instant endedAt) {

        static LotResponse of(Lot lot) {
            return new LotResponse(lot.id(), lot.position(), lot.productId(), lot.title(), lot.currency(),
                    lot.startingPrice(), lot.status().code(), lot.startedAt() == null ? null : lot.auctionId(),
                    lot.startedAt(), lot.endedAt());
        }
    }

    @Schema(name = "ShowEnvelope")
    record Envelope(ShowResponse show) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return show.version();
        }
    }
}
