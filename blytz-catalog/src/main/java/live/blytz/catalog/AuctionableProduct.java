package live.blytz.catalog;

import java.util.UUID;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A product as an auction takes it: its seller, category, title, status code ({@code draft}, {@code active},
 * {@code sold}, {@code archived}), whether the public can see it, and its prices in its currency.
 */
public record AuctionableProduct(
        UUID id,
        UserId sellerId,
        UUID categoryId,
        String title,
        String status,
        boolean publiclyVisible,
        Money startingPrice,
        @Nullable Money reservePrice,
        @Nullable Money buyNowPrice) {
}
