package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a product: a null component was not sent and keeps its value; an empty {@link Optional}
 * was sent as JSON {@code null} and clears an optional value.
 */
public record ProductChanges(
        @Nullable UUID categoryId,
        @Nullable String title,
        @Nullable String description,
        @Nullable ProductCondition condition,
        @Nullable String currency,
        @Nullable BigDecimal startingPrice,
        @Nullable Optional<BigDecimal> reservePrice,
        @Nullable Optional<BigDecimal> buyNowPrice,
        @Nullable List<String> images,
        @Nullable Optional<String> videoUrl,
        @Nullable String specifications,
        @Nullable String shippingInfo,
        @Nullable ProductStatus status) {

    boolean changesFields() {
        return categoryId != null || title != null || description != null || condition != null || currency != null
                || startingPrice != null || reservePrice != null || buyNowPrice != null || images != null
                || videoUrl != null || specifications != null || shippingInfo != null;
    }
}
