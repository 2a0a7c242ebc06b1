package live.blytz.catalog.internal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.internal.NewProduct;
import live.blytz.catalog.internal.Prices;
import live.blytz.catalog.internal.Product;
import live.blytz.catalog.internal.ProductChanges;
import live.blytz.catalog.internal.ProductCondition;
import live.blytz.catalog.internal.ProductStatus;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the product endpoints. They have no {@code seller_id}, {@code view_count}, {@code featured},
 * {@code id} or timestamps, and the create body has no {@code status}: sending one is a 400 naming the field
 * (unknown properties fail), so server-owned fields can never be mass-assigned.
 */
final class ProductRequests {

    static final String MONEY = "Exact decimal with at most the currency's minor-unit digits, e.g. 25.00";
    static final String IMAGES = "At most 20 absolute http(s) URLs";
    static final String JSON_OBJECT = "A JSON object of at most 16 KiB";

    private ProductRequests() {
    }

    @Schema(name = "ProductCreateRequest")
    record Create(
            @NotNull UUID categoryId,
            @NotBlank @Size(min = Product.MIN_TITLE, max = Product.MAX_TITLE) String title,
            @MultiLine @Size(max = 10_000) @Nullable String description,
            @NotNull ProductCondition condition,
            @Schema(description = "ISO 4217; the configured default (EUR) when absent", example = "EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an upper-case ISO 4217 code") @Nullable String currency,
            @Schema(types = "number", description = MONEY + "; greater than 0", minimum = "0", exclusiveMinimum = true,
                    maximum = Prices.MAX_TEXT) @NotNull BigDecimal startingPrice,
            @Schema(types = {"number", "null"}, description = MONEY + "; at least the starting price", minimum = "0",
                    exclusiveMinimum = true, maximum = Prices.MAX_TEXT) @Nullable BigDecimal reservePrice,
            @Schema(types = {"number", "null"}, description = MONEY + "; greater than the starting price", minimum = "0",
                    exclusiveMinimum = true, maximum = Prices.MAX_TEXT) @Nullable BigDecimal buyNowPrice,
            @ArraySchema(schema = @Schema(types = "string", format = "uri"), arraySchema = @Schema(description = IMAGES))
            @Size(max = Product.MAX_IMAGES) @Nullable List<@NotBlank @Size(max = Product.MAX_URL_LENGTH) String> images,
            @Schema(format = "uri") @Size(max = Product.MAX_URL_LENGTH) @Nullable String videoUrl,
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
     * parameter is not {@code @Nullable} refuses it: 400). Prices are checked against the merged result.
     */
    @Schema(name = "ProductUpdateRequest")
    static final class Update {

        private @Nullable UUID categoryId;
        // [\\s\\S] rather than (?s): the pattern is published in the OpenAPI document, whose patterns are ECMA-262.
        private @Nullable @Size(min = Product.MIN_TITLE, max = Product.MAX_TITLE)
        @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String title;
        private @Nullable @Size(max = 10_000) String description;
        private @Nullable ProductCondition condition;
        private @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an upper-case ISO 4217 code") String currency;
        @Schema(types = "number", description = MONEY + "; greater than 0", minimum = "0", exclusiveMinimum = true,
                maximum = Prices.MAX_TEXT)
        private @Nullable BigDecimal startingPrice;
        @Schema(types = {"number", "null"}, description = MONEY + "; at least the starting price; null clears it",
                minimum = "0", exclusiveMinimum = true, maximum = Prices.MAX_TEXT)
        private @Nullable Optional<BigDecimal> reservePrice;
        @Schema(types = {"number", "null"}, description = MONEY + "; greater than the starting price; null clears it",
                minimum = "0", exclusiveMinimum = true, maximum = Prices.MAX_TEXT)
        private @Nullable Optional<BigDecimal> buyNowPrice;
        @ArraySchema(schema = @Schema(types = "string", format = "uri"), arraySchema = @Schema(description = IMAGES))
        private @Nullable @Size(max = Product.MAX_IMAGES) List<@NotBlank @Size(max = Product.MAX_URL_LENGTH) String> images;
        @Schema(types = {"string", "null"}, format = "uri", description = "null removes the video")
        private @Nullable Optional<@Size(max = Product.MAX_URL_LENGTH) String> videoUrl;
        @Schema(implementation = Map.class, description = JSON_OBJECT)
        private @Nullable ObjectNode specifications;
        @Schema(implementation = Map.class, description = JSON_OBJECT)
        private @Nullable ObjectNode shippingInfo;
        @Schema(description = "Moves along draft → active → sold, active → draft, any → archived; anything else is a 409")
        private @Nullable ProductStatus status;
        @Schema(description = "Optional: the version the change is based on (or send If-Match); a stale one is refused (409)")
        private @Nullable Long version;

        public void setCategoryId(UUID categoryId) { this.categoryId = categoryId; }
        public void setTitle(String title) { this.title = title; }
        @MultiLine public void setDescription(String description) { this.description = description; }
        public void setCondition(ProductCondition condition) { this.condition = condition; }
        public void setCurrency(String currency) { this.currency = currency; }
        public void setStartingPrice(BigDecimal startingPrice) { this.startingPrice = startingPrice; }
        public void setReservePrice(@Nullable BigDecimal reservePrice) { this.reservePrice = Optional.ofNullable(reservePrice); }
        public void setBuyNowPrice(@Nullable BigDecimal buyNowPrice) { this.buyNowPrice = Optional.ofNullable(buyNowPrice); }
        public void setImages(List<String> images) { this.images = images; }
        public void setVideoUrl(@Nullable String videoUrl) { this.videoUrl = Optional.ofNullable(videoUrl); }
        public void setSpecifications(ObjectNode specifications) { this.specifications = specifications; }
        public void setShippingInfo(ObjectNode shippingInfo) { this.shippingInfo = shippingInfo; }
        public void setStatus(ProductStatus status) { this.status = status; }
        public void setVersion(Long version) { this.version = version; }

        public @Nullable UUID getCategoryId() { return categoryId; }
        public @Nullable String getTitle() { return title; }
        public @Nullable String getDescription() { return description; }
        public @Nullable ProductCondition getCondition() { return condition; }
        public @Nullable String getCurrency() { return currency; }
        public @Nullable BigDecimal getStartingPrice() { return startingPrice; }
        public @Nullable BigDecimal getReservePrice() { return reservePrice == null ? null : reservePrice.orElse(null); }
        public @Nullable BigDecimal getBuyNowPrice() { return buyNowPrice == null ? null : buyNowPrice.orElse(null); }
        public @Nullable List<String> getImages() { return images; }
        public @Nullable String getVideoUrl() { return videoUrl == null ? null : videoUrl.orElse(null); }
        public @Nullable ObjectNode getSpecifications() { return specifications; }
        public @Nullable ObjectNode getShippingInfo() { return shippingInfo; }
        public @Nullable ProductStatus getStatus() { return status; }
        public @Nullable Long getVersion() { return version; }

        ProductChanges changes() {
            return new ProductChanges(categoryId, title, description, condition, currency, startingPrice, reservePrice,
                    buyNowPrice, images, videoUrl, json(specifications), json(shippingInfo), status);
        }
    }

    @Schema(name = "ProductFeaturedRequest")
    record Featured(
            @NotNull Boolean featured,
            @Schema(description = "Optional: the version the change is based on (or send If-Match); a stale one is refused (409)")
            @Nullable Long version) {
    }

    private static @Nullable String json(@Nullable ObjectNode node) {
        return node == null ? null : node.toString();
    }
}
