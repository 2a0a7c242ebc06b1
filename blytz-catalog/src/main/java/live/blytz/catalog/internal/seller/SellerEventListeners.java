package live.blytz.catalog.internal.seller;

import java.util.List;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.UserRegistered;
import live.blytz.catalog.internal.cache.CacheKeys;
import live.blytz.catalog.internal.cache.SharedCache;
import live.blytz.catalog.internal.product.ProductRepository;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.events.UserProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the seller read model in step with auth's and users' events (after their commit, in a transaction of its
 * own; idempotent and order-tolerant through the versions). A suspension hides the seller's products from every
 * public read at once, cached copies included; a reactivation brings them back.
 */
@Component
class SellerEventListeners {

    private final SellerRepository sellers;
    private final ProductRepository products;
    private final SharedCache cache;

    SellerEventListeners(SellerRepository sellers, ProductRepository products, SharedCache cache) {
        this.sellers = sellers;
        this.products = products;
        this.cache = cache;
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        accountState(event.userId(), false, event.accountVersion());
    }

    @ApplicationModuleListener
    void on(AccountSuspended event) {
        accountState(event.userId(), true, event.accountVersion());
    }

    @ApplicationModuleListener
    void on(AccountReactivated event) {
        accountState(event.userId(), false, event.accountVersion());
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated event) {
        if (sellers.applyProfile(event.userId(), event.displayName(), event.profileVersion())) {
            evict(products.visibleIdsOf(event.userId()).stream().map(CacheKeys::product).toList());
        }
    }

    private void accountState(UserId id, boolean suspended, long version) {
        if (sellers.applyAccountState(id, suspended, version)) {
            evict(sellers.hideOrShowProducts(id, suspended).stream().map(CacheKeys::product).toList());
        }
    }

    /** The products' cached documents, and every cached listing (the keys' invalidation redraws the generation). */
    private void evict(List<String> keys) {
        if (!keys.isEmpty()) {
            cache.invalidate(keys);
        }
    }
}
