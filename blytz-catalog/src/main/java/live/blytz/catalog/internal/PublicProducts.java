package live.blytz.catalog.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot read path, {@code GET /products/{id}}, as a ready JSON document ({@code {"product": {...}}}).
 * Anyone but the product's seller (and admins) gets the public copy, from the shared cache when it is there, and
 * the read counts as a view (once per client and hour). Only public products are ever cached, stored with their
 * seller (so that the seller's own read, with the reserve price, can bypass the cache without a database round trip
 * first) and their version.
 */
@Service
public class PublicProducts {

    private static final char SEPARATOR = '|';

    private final ProductRepository products;
    private final SharedCache cache;
    private final ProductViews views;
    private final JsonMapper json;

    PublicProducts(ProductRepository products, SharedCache cache, ProductViews views, JsonMapper json) {
        this.products = products;
        this.cache = cache;
        this.views = views;
        this.json = json;
    }

    static String key(UUID productId) {
        return "catalog:product:" + productId;
    }

    public ProductDocument document(UUID id, @Nullable Caller caller, ClientAddress client) {
        Optional<String> cached = cache.get(key(id));
        if (cached.isPresent()) {
            // seller|version|document: the seller decides who may read the public copy, the version is the ETag
            String entry = cached.get();
            int afterSeller = entry.indexOf(SEPARATOR);
            int afterVersion = entry.indexOf(SEPARATOR, afterSeller + 1);
            UserId seller = UserId.of(entry.substring(0, afterSeller));
            if (!Caller.mayManage(caller, seller)) {
                views.viewed(id, ProductViews.Viewer.of(caller, client));
                return new ProductDocument(entry.substring(afterVersion + 1),
                        Long.parseLong(entry.substring(afterSeller + 1, afterVersion)));
            }
        }
        ProductDetails details = products.details(id).orElseThrow(() -> NotFoundException.of("Product", id));
        if (Caller.mayManage(caller, new UserId(details.sellerId()))) {
            return new ProductDocument(json.writeValueAsString(Map.of("product", details)), details.version());
        }
        if (!details.publiclyVisible()) {
            throw NotFoundException.of("Product", id);
        }
        String document = json.writeValueAsString(Map.of("product", details.publicView()));
        cache.offer(key(id), details.sellerId().toString() + SEPARATOR + details.version() + SEPARATOR + document);
        views.viewed(id, ProductViews.Viewer.of(caller, client));
        return new ProductDocument(document, details.version());
    }
}
