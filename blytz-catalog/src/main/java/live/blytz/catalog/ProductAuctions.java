package live.blytz.catalog;

import java.util.Optional;
import java.util.UUID;
import live.blytz.sharedkernel.error.ConflictException;

/**
 * What the auctions module may do with a product (ADR 0025): read what an auction takes from it, reserve it for one
 * auction (its prices, currency and status are then frozen and it cannot be deleted), release it, and mark it sold.
 * Each call joins the caller's transaction, so a reservation commits or rolls back with the auction that made it.
 */
public interface ProductAuctions {

    /** The product, unless it does not exist or is deleted. */
    Optional<AuctionableProduct> find(UUID productId);

    /**
     * Reserves an active product for {@code auctionId} and returns it as of this instant (its row stays locked until
     * the transaction ends). A reservation already held by {@code auctionId} is renewed: a live show's lot reserves
     * its product when it is added, and its auction opens under the same id when the lot starts.
     *
     * @throws ConflictException when it is not active, its seller is suspended, or another auction holds it
     */
    AuctionableProduct reserve(UUID productId, UUID auctionId);

    /** Ends the reservation of {@code auctionId}, if it still holds the product: it can be edited (or auctioned) again. */
    void release(UUID productId, UUID auctionId);

    /** The auction sold it: {@code active → sold}, reservation ended, {@code ProductSold} published. */
    void markSold(UUID productId, UUID auctionId);
}
