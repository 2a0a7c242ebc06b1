package live.blytz.catalog.internal.product;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the product endpoints. They have no {@code seller_id}, {@code view_count}, {@code featured},
 * {@code id} or timestamps, and the create body has no {@code status}: sending one is a 400 naming the field
 * (unknown properties fail), so server-owned fields can never be mass-assigned. The limits are the domain's.
 */
final class ProductRequests {

    static final String MONEY = "Exact decimal with at most the currency's minor-unit digits, e.g. 25.00";
    static final String IMAGES = "At most " + Product.MAX_IMAGES + " absolute http(s) URLs";
    static final String JSON_OBJECT = "A JSON object of at most 16 KiB";
    static final String CURRENCY = "must be an upper-case ISO 4217 code";
    static final String VERSION = "Optional: the version the change is based on (or send If-Match); a stale one is "
            + "refused (409)";

    private ProductRequests() {
    }

    @Schema(name = "ProductCreateRequest")
    record Create(
            @NotNull UUID categoryId,
            @NotBlank @Size(min = Product.MIN_TITLE, max = Product.MAX_TITLE) String title,
            @MultiLine @Size(max = Product.MAX_DESCRIPTION) @Nullable String description,
            @NotNull ProductCondition condition,
            @Schema(description = "ISO 4217; the configured default (EUR) when absent", example = "EUR")
            @Pattern(regexp = Prices.CURRENCY_CODE, message = CURRENCY) @Nullable String currency,
            @Schema(types = "number", description = MONEY + "; greater than 0", minimum = "0", exclusiveMinimum = true,
                    maximum = Prices.MAX_TEXT) @NotNull BigDecimal startingPrice,
            @Schema(types = {"number", "null"}, description = MONEY + "; at least the starting price", minimum = "0",
                    exclusiveMinimum = true, maximum = Prices.MAX_TEXT) @Nullable BigDecimal reservePrice,
            @Schema(types = {"number", "null"}, description = MONEY + "; greater than the starting price", minimum = "0",
                    exclusiveMinimum = true, maximum = Prices.MAX_TEXT) @Nullable BigDecimal buyNowPrice,
            @ArraySchema(schema = @Schema(types = "string", format = "uri"), arraySchema = @Schema(description = IMAGES))
            @Size(max = Product.MAX_IMAGES) @Nullable List<@NotBlank @Size(max = HttpUrls.MAX_LENGTH) String> images,
            @Schema(format = "uri") @Size(max = HttpUrls.MAX_LENGTH) @Nullable String videoUrl,
            @Schema(implementation = Map.class, description = JSON_OBJECT) @Nullable ObjectNode specifications,
            @Schema(implementation = Map.class, description = JSON_OBJECT) @Nullable ObjectNode shippingInfo) {

        NewProduct command() {
            return new NewProduct(categoryId, title, description, condition, currency, startingPrice, reservePrice,
                    buyNowPrice, images, videoUrl, json(specifications), json(shippingInfo));
        }
    }

    /**
     * A partial update: only the fields present change; {@code reserve_price}, {@code buy_now_price} and
     * {@code video_url} can be cleared with {@code null}, which means nothing for the other fields (a setter whose
     * parameter is not {@code @Nullable} refuses it: 400). Prices are checked against the merged result. The getters
     * describe the body (its schema and constraints), the {@link Patch} fields what was sent.
     */
    @Schema(name = "ProductUpdateRequest")
    static final class Update {

        private Patch<UUID> categoryId = Patch.absent();
        private Patch<String> title = Patch.absent();
        private Patch<String> description = Patch.absent();
        private Patch<ProductCondition> condition = Patch.absent();
        private Patch<String> currency = Patch.absent();
        private Patch<BigDecimal> startingPrice = Patch.absent();
        private Patch<BigDecimal> reservePrice = Patch.absent();
        private Patch<BigDecimal> buyNowPrice = Patch.absent();
        private Patch<List<String>> images = Patch.absent();
        private Patch<String> videoUrl = Patch.absent();
        private Patch<ObjectNode> specifications = Patch.absent();
        private Patch<ObjectNode> shippingInfo = Patch.absent();
        private Patch<ProductStatus> status = Patch.absent();
        private @Nullable Long version;

        public void setCategoryId(UUID categoryId) { this.categoryId = Patch.of(categoryId); }
        public void setTitle(String title) { this.title = Patch.of(title); }
        @MultiLine public void setDescription(String description) { this.description = Patch.of(description); }
        public void setCondition(ProductCondition condition) { this.condition = Patch.of(condition); }
        public void setCurrency(String currency) { this.currency = Patch.of(currency); }
        public void setStartingPrice(BigDecimal startingPrice) { this.startingPrice = Patch.of(startingPrice); }
        public void setReservePrice(@Nullable BigDecimal reservePrice) { this.reservePrice = Patch.of(reservePrice); }
        public void setBuyNowPrice(@Nullable BigDecimal buyNowPrice) { this.buyNowPrice = Patch.of(buyNowPrice); }
        public void setImages(List<String> images) { this.images = Patch.of(images); }
        public void setVideoUrl(@Nullable String videoUrl) { this.videoUrl = Patch.of(videoUrl); }
        public void setSpecifications(ObjectNode specifications) { this.specifications = Patch.of(specifications); }
        public void setShippingInfo(ObjectNode shippingInfo) { this.shippingInfo = Patch.of(shippingInfo); }
        public void setStatus(ProductStatus status) { this.status = Patch.of(status); }
        public void setVersion(Long version) { this.version = version; }

        public @Nullable UUID getCategoryId() { return categoryId.orElse(null); }

        // [\\s\\S] rather than (?s): the pattern is published in the OpenAPI document, whose patterns are ECMA-262.
        public @Nullable @Size(min = Product.MIN_TITLE, max = Product.MAX_TITLE)
        @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String getTitle() {
            return title.orElse(null);
        }

        public @Nullable @Size(max = Product.MAX_DESCRIPTION) String getDescription() { return description.orElse(null); }

        public @Nullable ProductCondition getCondition() { return condition.orElse(null); }

        public @Nullable @Pattern(regexp = Prices.CURRENCY_CODE, message = CURRENCY) String getCurrency() {
            return currency.orElse(null);
        }

        @Schema(types = "number", description = MONEY + "; greater than 0", minimum = "0", exclusiveMinimum = true,
                maximum = Prices.MAX_TEXT)
        public @Nullable BigDecimal getStartingPrice() { return startingPrice.orElse(null); }

        @Schema(types = {"number", "null"}, description = MONEY + "; at least the starting price; null clears it",
                minimum = "0", exclusiveMinimum = true, maximum = Prices.MAX_TEXT)
        public @Nullable BigDecimal getReservePrice() { return reservePrice.orElse(null); }

        @Schema(types = {"number", "null"}, description = MONEY + "; greater than the starting price; null clears it",
                minimum = "0", exclusiveMinimum = true, maximum = Prices.MAX_TEXT)
        public @Nullable BigDecimal getBuyNowPrice() { return buyNowPrice.orElse(null); }

        // The items' limit is stated for the document too: swagger does not read the getter's type-argument constraints.
        @ArraySchema(schema = @Schema(types = "string", format = "uri", maxLength = HttpUrls.MAX_LENGTH),
                arraySchema = @Schema(description = IMAGES))
        public @Nullable @Size(max = Product.MAX_IMAGES) List<@NotBlank @Size(max = HttpUrls.MAX_LENGTH) String> getImages() {
            return images.orElse(null);
        }

        @Schema(types = {"string", "null"}, format = "uri", description = "null removes the video")
        public @Nullable @Size(max = HttpUrls.MAX_LENGTH) String getVideoUrl() { return videoUrl.orElse(null); }

        @Schema(implementation = Map.class, description = JSON_OBJECT)
        public @Nullable ObjectNode getSpecifications() { return specifications.orElse(null); }

        @Schema(implementation = Map.class, description = JSON_OBJECT)
        public @Nullable ObjectNode getShippingInfo() { return shippingInfo.orElse(null); }

        @Schema(description = "Moves along draft → active → sold, active → draft, any → archived; anything else is a 409")
        public @Nullable ProductStatus getStatus() { return status.orElse(null); }

        @Schema(description = VERSION)
        public @Nullable Long getVersion() { return version; }

        ProductChanges changes() {
            return new ProductChanges(categoryId, title, description, condition, currency, startingPrice, reservePrice,
                    buyNowPrice, images, videoUrl, specifications.map(ObjectNode::toString),
                    shippingInfo.map(ObjectNode::toString), status);
        }
    }

    @Schema(name = "ProductFeaturedRequest")
    record Featured(
            @NotNull Boolean featured,
            @Schema(description = VERSION) @Nullable Long version) {
    }

    private static @Nullable String json(@Nullable ObjectNode node) {
        return node == null ? null : node.toString();
    }
}
