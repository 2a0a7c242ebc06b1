package live.blytz.auctions.internal.browse;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The list's filters, each optional: status code, category, seller, and "ends before". */
record AuctionFilter(@Nullable String status, @Nullable UUID categoryId, @Nullable UUID sellerId,
        @Nullable Instant endingBefore) {
}
