package live.blytz.catalog.internal.browse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import live.blytz.catalog.internal.product.Prices;
import live.blytz.catalog.internal.product.ProductCondition;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/** The public listing's filters; null means "not filtered". {@code categoryId} includes every sub-category. */
record ProductFilter(
        @Nullable UUID categoryId,
        @Nullable UUID sellerId,
        @Nullable ProductCondition condition,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        @Nullable Boolean featured,
        @Nullable String q) {

    static final int MAX_QUERY_LENGTH = 200;

    /** These filters as the query uses them ({@code q} stripped, blank as none); every bad one is a 400 at once. */
    ProductFilter checked() {
        List<FieldError> errors = new ArrayList<>();
        checkPrice("min_price", minPrice, errors);
        checkPrice("max_price", maxPrice, errors);
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldError("max_price", "must be at least min_price"));
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.codePointCount(0, search.length()) > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProductFilter(categoryId, sellerId, condition, minPrice, maxPrice, featured, search);
    }

    /** A price bound must fit the prices it is compared with (NUMERIC(12,2)); a larger one would overflow in SQL. */
    private static void checkPrice(String field, @Nullable BigDecimal price, List<FieldError> errors) {
        String problem = price == null ? null : Prices.outOfRange(price);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }
}
