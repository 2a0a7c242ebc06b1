package live.blytz.catalog.internal.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a seller sends to create a product, as sent: a required value may be missing, which the rules refuse.
 * {@code specifications} and {@code shippingInfo} are JSON objects.
 */
record NewProduct(
        @Nullable UUID categoryId,
        @Nullable String title,
        @Nullable String description,
        @Nullable ProductCondition condition,
        @Nullable String currency,
        @Nullable BigDecimal startingPrice,
        @Nullable BigDecimal reservePrice,
        @Nullable BigDecimal buyNowPrice,
        @Nullable List<String> images,
        @Nullable String videoUrl,
        @Nullable String specifications,
        @Nullable String shippingInfo) {
}
