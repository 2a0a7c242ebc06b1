package live.blytz.catalog.internal.cache;

import java.util.ArrayList;
import java.util.List;
import live.blytz.catalog.events.CategoryChanged;
import live.blytz.catalog.events.CategoryChanged.Change;
import live.blytz.catalog.events.ProductEvent;
import live.blytz.catalog.internal.product.AuctionHoldChanged;
import live.blytz.catalog.internal.product.ProductRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evicts cached documents on the module's own events. Synchronous on purpose (unlike the cross-module listeners):
 * it runs inside the changing transaction, so the change cannot commit while a stale public copy is still served;
 * {@link SharedCache#invalidate} repeats the eviction after the commit.
 */
@Component
class CacheEventListeners {

    private final SharedCache cache;
    private final ProductRepository products;

    CacheEventListeners(SharedCache cache, ProductRepository products) {
        this.cache = cache;
        this.products = products;
    }

    @EventListener
    void on(ProductEvent event) {
        cache.invalidate(CacheKeys.product(event.productId()));
    }

    @EventListener
    void on(AuctionHoldChanged event) {
        cache.invalidate(CacheKeys.product(event.productId()));
    }

    /**
     * Besides the tree, a changed category evicts its public products: their cached documents carry its name and
     * slug. Only an update can matter (a created category has no products yet, a deleted one had none).
     */
    @EventListener
    void on(CategoryChanged event) {
        List<String> keys = new ArrayList<>();
        keys.add(CacheKeys.CATEGORY_TREE);
        if (event.change() == Change.UPDATED) {
            products.visibleIdsIn(event.categoryId()).forEach(id -> keys.add(CacheKeys.product(id)));
        }
        cache.invalidate(keys);
    }
}
