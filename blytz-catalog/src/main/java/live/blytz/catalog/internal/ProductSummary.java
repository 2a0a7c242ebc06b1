package live.blytz.catalog.internal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.catalog.internal.ProductDetails.CategoryRef;
import live.blytz.catalog.internal.ProductDetails.SellerRef;
import org.jspecify.annotations.Nullable;

/**
 * A product in a list: lean on purpose (no description, specifications, shipping info or reserve price), because
 * listing speed is row mapping and JSON writing. The detail endpoint has the rest.
 */
@Schema(name = "ProductSummary")
public record ProductSummary(
        UUID id,
        SellerRef seller,
        CategoryRef category,
        String title,
        @Schema(allowableValues = {"new", "like_new", "good", "fair", "poor"}) String condition,
        String currency,
        @Schema(type = "number", example = "25.00") BigDecimal startingPrice,
        @Schema(type = "number", nullable = true) @Nullable BigDecimal buyNowPrice,
        @JsonRawValue @Schema(type = "array", implementation = String.class) String images,
        @Schema(allowableValues = {"draft", "active", "sold", "archived"}) String status,
        boolean featured,
        long viewCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
