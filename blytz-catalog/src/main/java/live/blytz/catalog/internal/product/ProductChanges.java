package live.blytz.catalog.internal.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.Patch;

/**
 * A partial update of a product: an absent field keeps its value; {@code reservePrice}, {@code buyNowPrice} and
 * {@code videoUrl} may be sent as null, which clears them. {@code specifications} and {@code shippingInfo} are JSON
 * objects.
 */
record ProductChanges(
        Patch<UUID> categoryId,
        Patch<String> title,
        Patch<String> description,
        Patch<ProductCondition> condition,
        Patch<String> currency,
        Patch<BigDecimal> startingPrice,
        Patch<BigDecimal> reservePrice,
        Patch<BigDecimal> buyNowPrice,
        Patch<List<String>> images,
        Patch<String> videoUrl,
        Patch<String> specifications,
        Patch<String> shippingInfo,
        Patch<ProductStatus> status) {

    /** True when this changes what an auction of the product took from it: its prices, currency or status. */
    boolean changesAuctionTerms(ProductStatus current) {
        return List.of(currency, startingPrice, reservePrice, buyNowPrice).stream().anyMatch(Patch::isSent)
                || status.orElse(current) != current;
    }

    /** True when anything but the status is sent. */
    boolean changesFields() {
        return List.of(categoryId, title, description, condition, currency, startingPrice, reservePrice, buyNowPrice,
                images, videoUrl, specifications, shippingInfo).stream().anyMatch(Patch::isSent);
    }
}
