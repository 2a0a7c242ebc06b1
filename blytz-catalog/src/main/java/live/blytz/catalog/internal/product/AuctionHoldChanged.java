package live.blytz.catalog.internal.product;

import java.util.UUID;

/**
 * An auction started or stopped holding the product: its representation ({@code auction_id}) and version changed.
 * The module's own event (its cached public copy is evicted); other modules learn of auctions from auctions.
 */
public record AuctionHoldChanged(UUID productId) {
}
