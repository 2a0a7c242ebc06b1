package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a seller sends to create a product; {@code specifications} and {@code shippingInfo} are JSON objects. */
public record NewProduct(
        UUID categoryId,
        String title,
        @Nullable String description,
        ProductCondition condition,
        @Nullable String currency,
        BigDecimal startingPrice,
        @Nullable BigDecimal reservePrice,
        @Nullable BigDecimal buyNowPrice,
        @Nullable List<String> images,
        @Nullable String videoUrl,
        @Nullable String specifications,
        @Nullable String shippingInfo) {
}
