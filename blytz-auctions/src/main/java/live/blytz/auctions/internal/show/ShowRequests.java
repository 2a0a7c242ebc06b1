package live.blytz.auctions.internal.show;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.HttpUrls;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the show writes. None has a seller, status, lot state or time the server owns: the seller is the
 * caller, and any unknown field is a 400 naming it (no mass assignment).
 */
final class ShowRequests {

    private ShowRequests() {
    }

    @Schema(name = "ShowOpenRequest")
    record Open(
            @NotNull @Size(min = Show.MIN_TITLE, max = Show.MAX_TITLE) String title,
            @Schema(description = "When the show is announced to start: not in the past, at most 30 days ahead. Its "
                    + "first lot may start earlier or later; that is when it goes live")
            @NotNull Instant startsAt,
            @Schema(types = {"string", "null"}, format = "uri", description = "The streaming provider's playback URL "
                    + "of the video: https, with a host, no credentials")
            @Size(max = HttpUrls.MAX_LENGTH) @Nullable String playbackUrl) {
    }

    @Schema(name = "ShowLotOrderRequest")
    record Order(@Schema(description = "Every pending lot of the show, once each, in the order they should run")
            @NotNull @Size(max = ShowProperties.MAX_LOTS) List<@NotNull UUID> lotIds) {
    }

    @Schema(name = "ShowLotRequest")
    record AddLot(@Schema(description = "An active product of the show's seller, in no auction or other lot")
            @NotNull UUID productId) {
    }
}
