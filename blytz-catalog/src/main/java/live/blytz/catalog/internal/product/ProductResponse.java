package live.blytz.catalog.internal.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * A product as {@code GET /products/{id}} and every product write show it. The JSON documents ({@code images},
 * {@code specifications}, {@code shipping_info}) are passed through as the database stored them, without a parse
 * and re-write.
 */
@Schema(name = "Product")
public record ProductResponse(
        UUID id,
        SellerRef seller,
        CategoryRef category,
        String title,
        String description,
        @Schema(allowableValues = {"new", "like_new", "good", "fair", "poor"}) String condition,
        @Schema(example = "EUR", description = "ISO 4217 code of every price of the product") String currency,
        @Schema(types = "number", example = "25.00") BigDecimal startingPrice,
        @Schema(types = {"number", "null"}, description = "Shown only to the seller and admins (null for everyone else)")
        @Nullable BigDecimal reservePrice,
        @Schema(types = {"number", "null"}) @Nullable BigDecimal buyNowPrice,
        // Raw JSON text written as is; the annotations describe the array it holds.
        @JsonRawValue @Schema(types = "array", description = "Image URLs (http or https)")
        @ArraySchema(schema = @Schema(types = "string", format = "uri"), maxItems = Product.MAX_IMAGES) String images,
        @Schema(types = {"string", "null"}, format = "uri") @Nullable String videoUrl,
        @JsonRawValue @Schema(types = "object", description = "Free-form JSON object") String specifications,
        @JsonRawValue @Schema(types = "object", description = "Free-form JSON object") String shippingInfo,
        @Schema(allowableValues = {"draft", "active", "sold", "archived"}) String status,
        @Schema(types = {"string", "null"}, format = "uuid", description = "The scheduled or running auction that "
                + "holds the product (its prices, status and deletion are refused meanwhile), else null")
        @Nullable UUID auctionId,
        boolean featured,
        long viewCount,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore @Schema(hidden = true) UserId sellerId,
        @JsonIgnore @Schema(hidden = true) boolean publiclyVisible) {

    /** What anyone may see of a product that is not theirs: everything but the reserve price. */
    public ProductResponse publicView() {
        return new ProductResponse(id, seller, category, title, description, condition, currency, startingPrice, null,
                buyNowPrice, images, videoUrl, specifications, shippingInfo, status, auctionId, featured, viewCount, version,
                createdAt, updatedAt, sellerId, publiclyVisible);
    }

    /** The seller's public face: the name comes from catalog's own read model, fed by the users module's events. */
    @Schema(name = "ProductSeller")
    public record SellerRef(UUID id, @Nullable String displayName) {
    }

    @Schema(name = "ProductCategory")
    public record CategoryRef(UUID id, String name, String slug) {
    }

    /** The body of a single product: {@code {"product": {...}}}, its version the ETag. */
    @Schema(name = "ProductResponse")
    public record Envelope(ProductResponse product) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return product.version();
        }
    }
}
