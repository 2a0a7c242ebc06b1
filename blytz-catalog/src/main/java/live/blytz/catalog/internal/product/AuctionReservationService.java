package live.blytz.catalog.internal.product;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.AuctionableProduct;
import live.blytz.catalog.ProductAuctions;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog's side of an auction (ADR 0025): the published {@link ProductAuctions}. Every method runs in the auction's
 * transaction ({@code MANDATORY}): a reservation, release or sale commits exactly when the auction's change does.
 */
@Service
class AuctionReservationService implements ProductAuctions {

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuctionReservationService(ProductRepository products, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuctionableProduct> find(UUID productId) {
        return products.find(productId).map(product -> auctionable(product, products.publiclyVisible(productId)));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuctionableProduct reserve(UUID productId, UUID auctionId) {
        UUID holder = products.lockedAuction(productId);
        Product product = products.find(productId).orElseThrow(() -> NotFoundException.of("Product", productId));
        if (holder != null && !holder.equals(auctionId)) {
            throw new ConflictException("The product already has a scheduled or running auction");
        }
        boolean visible = products.publiclyVisible(productId);
        if (product.status() != ProductStatus.ACTIVE || !visible) {
            throw new ConflictException("Only an active product of an active seller can be auctioned, not a "
                    + product.status().code() + " one");
        }
        products.reserveFor(productId, auctionId);
        events.publishEvent(new AuctionHoldChanged(productId));
        return auctionable(product, true);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID productId, UUID auctionId) {
        if (products.release(productId, auctionId)) {
            events.publishEvent(new AuctionHoldChanged(productId));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSold(UUID productId, UUID auctionId) {
        if (!auctionId.equals(products.lockedAuction(productId))) {
            throw new IllegalStateException("product " + productId + " is not reserved for auction " + auctionId);
        }
        Product product = products.find(productId).orElseThrow();
        var sold = product.sell(Instants.now(clock));
        products.update(product);
        products.release(productId, auctionId);
        events.publishEvent(sold);
    }

    private static AuctionableProduct auctionable(Product product, boolean visible) {
        Prices prices = product.prices();
        return new AuctionableProduct(product.id(), product.sellerId(), product.categoryId(), product.title(),
                product.status().code(), visible, prices.starting(), prices.reserve(), prices.buyNow());
    }
}
