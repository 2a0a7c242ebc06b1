package live.blytz.catalog.internal.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;

/** Builds products through the module's own service, and the commands and callers the product tests send. */
final class ProductFixtures {

    private final ProductService products;

    ProductFixtures(ProductService products) {
        this.products = products;
    }

    static Caller seller() {
        return new Caller(UserId.newId(), Set.of(Role.SELLER), null, null);
    }

    static Caller admin() {
        return new Caller(UserId.newId(), Set.of(Role.ADMIN), null, null);
    }

    ProductResponse draft(Caller seller, UUID category) {
        return products.create(seller, newProduct(category, "10.00", null, null));
    }

    static NewProduct newProduct(UUID category, String starting, String reserve, String buyNow) {
        return new NewProduct(category, "A product", "A fine item", ProductCondition.GOOD, null, new BigDecimal(starting),
                reserve == null ? null : new BigDecimal(reserve), buyNow == null ? null : new BigDecimal(buyNow),
                List.of("https://img.example/1.jpg"), null, "{\"brand\":\"Acme\"}", null);
    }

    /** A change that sends nothing. */
    static ProductChanges none() {
        return new ProductChanges(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.absent());
    }

    static ProductChanges status(ProductStatus status) {
        ProductChanges none = none();
        return new ProductChanges(none.categoryId(), none.title(), none.description(), none.condition(), none.currency(),
                none.startingPrice(), none.reservePrice(), none.buyNowPrice(), none.images(), none.videoUrl(),
                none.specifications(), none.shippingInfo(), Patch.of(status));
    }

    /** Sends the starting price when not null, and the other two prices as given (absent, a value, or null). */
    static ProductChanges prices(String starting, Patch<BigDecimal> reserve, Patch<BigDecimal> buyNow) {
        ProductChanges none = none();
        return new ProductChanges(none.categoryId(), none.title(), none.description(), none.condition(), none.currency(),
                starting == null ? Patch.absent() : Patch.of(new BigDecimal(starting)), reserve, buyNow, none.images(),
                none.videoUrl(), none.specifications(), none.shippingInfo(), none.status());
    }

    static ProductChanges title(String title) {
        ProductChanges none = none();
        return new ProductChanges(none.categoryId(), Patch.of(title), none.description(), none.condition(),
                none.currency(), none.startingPrice(), none.reservePrice(), none.buyNowPrice(), none.images(),
                none.videoUrl(), none.specifications(), none.shippingInfo(), none.status());
    }
}
