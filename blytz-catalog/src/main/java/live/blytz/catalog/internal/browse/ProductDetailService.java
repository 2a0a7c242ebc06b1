package live.blytz.catalog.internal.browse;

import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.internal.cache.CacheKeys;
import live.blytz.catalog.internal.cache.SharedCache;
import live.blytz.catalog.internal.product.ProductRepository;
import live.blytz.catalog.internal.product.ProductResponse;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot read path, {@code GET /products/{id}}, as a ready JSON document. Anyone but the product's seller (and
 * admins) gets the public copy, from the shared cache when it is there, and the read counts as a view. Only public
 * products are ever cached, stored with their seller (so that the seller's own read, with the reserve price, can
 * bypass the cache without a database round trip first) and their version.
 */
@Service
class ProductDetailService {

    private static final char SEPARATOR = '|';

    private final ProductRepository products;
    private final SharedCache cache;
    private final ProductViewCounter views;
    private final JsonMapper json;

    ProductDetailService(ProductRepository products, SharedCache cache, ProductViewCounter views, JsonMapper json) {
        this.products = products;
        this.cache = cache;
        this.views = views;
        this.json = json;
    }

    ProductDocument document(UUID id, @Nullable Caller caller, ClientAddress client) {
        String key = CacheKeys.product(id);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            // seller|version|document: the seller decides who may read the public copy, the version is the ETag
            String entry = cached.get();
            int afterSeller = entry.indexOf(SEPARATOR);
            int afterVersion = entry.indexOf(SEPARATOR, afterSeller + 1);
            UserId seller = UserId.of(entry.substring(0, afterSeller));
            if (!mayManage(caller, seller)) {
                views.viewed(id, client);
                return new ProductDocument(entry.substring(afterVersion + 1),
                        Long.parseLong(entry.substring(afterSeller + 1, afterVersion)));
            }
        }
        ProductResponse details = products.details(id).orElseThrow(() -> NotFoundException.of("Product", id));
        if (mayManage(caller, details.sellerId())) {
            return new ProductDocument(document(details), details.version());
        }
        if (!details.publiclyVisible()) {
            throw NotFoundException.of("Product", id);
        }
        String document = document(details.publicView());
        cache.offer(key, details.sellerId().value().toString() + SEPARATOR + details.version() + SEPARATOR + document);
        views.viewed(id, client);
        return new ProductDocument(document, details.version());
    }

    private String document(ProductResponse product) {
        return json.writeValueAsString(new ProductResponse.Envelope(product));
    }

    private static boolean mayManage(@Nullable Caller caller, UserId seller) {
        return caller != null && caller.mayManage(seller);
    }
}
