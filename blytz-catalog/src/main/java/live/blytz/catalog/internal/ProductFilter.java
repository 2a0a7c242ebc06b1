package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The public listing's filters; null means "not filtered". {@code categoryId} includes every sub-category. */
public record ProductFilter(
        @Nullable UUID categoryId,
        @Nullable UUID sellerId,
        @Nullable ProductCondition condition,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        @Nullable Boolean featured,
        @Nullable String q) {

    static ProductFilter none() {
        return new ProductFilter(null, null, null, null, null, null, null);
    }
}
