package live.blytz.catalog.internal;

import live.blytz.catalog.events.CategoryChanged;
import live.blytz.catalog.events.ProductArchived;
import live.blytz.catalog.events.ProductDeleted;
import live.blytz.catalog.events.ProductPublished;
import live.blytz.catalog.events.ProductSold;
import live.blytz.catalog.events.ProductUpdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evicts cached documents on the module's own events. Synchronous on purpose (unlike the cross-module listeners):
 * it runs inside the changing transaction, so the change cannot commit while a stale public copy is still served;
 * {@link SharedCache#invalidate} repeats the eviction after the commit.
 */
@Component
class CacheEviction {

    private final SharedCache cache;

    CacheEviction(SharedCache cache) {
        this.cache = cache;
    }

    @EventListener
    void on(ProductPublished event) {
        cache.invalidate(PublicProducts.key(event.productId()));
    }

    @EventListener
    void on(ProductUpdated event) {
        cache.invalidate(PublicProducts.key(event.productId()));
    }

    @EventListener
    void on(ProductSold event) {
        cache.invalidate(PublicProducts.key(event.productId()));
    }

    @EventListener
    void on(ProductArchived event) {
        cache.invalidate(PublicProducts.key(event.productId()));
    }

    @EventListener
    void on(ProductDeleted event) {
        cache.invalidate(PublicProducts.key(event.productId()));
    }

    @EventListener
    void on(CategoryChanged event) {
        cache.invalidate(CategoryService.TREE_KEY);
    }
}
