package live.blytz.catalog.internal.browse;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.catalog.internal.product.Product;
import live.blytz.catalog.internal.product.ProductResponse.CategoryRef;
import live.blytz.catalog.internal.product.ProductResponse.SellerRef;
import org.jspecify.annotations.Nullable;

/**
 * A product in a list: lean on purpose (no description, specifications, shipping info or reserve price), because
 * listing speed is row mapping and JSON writing. The detail endpoint has the rest. Its seller and category are the
 * detail's: the same JSON objects, described once.
 */
@Schema(name = "ProductSummary")
record ProductSummary(
        UUID id,
        SellerRef seller,
        CategoryRef category,
        String title,
        @Schema(allowableValues = {"new", "like_new", "good", "fair", "poor"}) String condition,
        String currency,
        @Schema(types = "number", example = "25.00") BigDecimal startingPrice,
        @Schema(types = {"number", "null"}) @Nullable BigDecimal buyNowPrice,
        // Raw JSON text written as is; the annotations describe the array it holds.
        @JsonRawValue @Schema(types = "array", description = "Image URLs (http or https)")
        @ArraySchema(schema = @Schema(types = "string", format = "uri"), maxItems = Product.MAX_IMAGES) String images,
        @Schema(allowableValues = {"draft", "active", "sold", "archived"}) String status,
        @Schema(types = {"string", "null"}, format = "uuid", description = "The scheduled or running auction that "
                + "holds the product, else null: a list links straight to it")
        @Nullable UUID auctionId,
        boolean featured,
        long viewCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
