package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** Builds catalog data through the module's own services, with unique names so that tests never collide. */
final class CatalogFixtures {

    private final CategoryService categories;
    private final ProductService products;

    CatalogFixtures(CategoryService categories, ProductService products) {
        this.categories = categories;
        this.products = products;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Caller seller() {
        return new Caller(UserId.newId(), false);
    }

    static Caller admin() {
        return new Caller(UserId.newId(), true);
    }

    CategoryView category(String name, UUID parent) {
        return categories.create(new NewCategory(unique(name), null, null, null, parent, null, null));
    }

    CategoryView category() {
        return categories.create(new NewCategory(unique("Category"), null, null, null, null, null, null));
    }

    ProductDetails draft(Caller seller, UUID category) {
        return products.create(seller, newProduct(category, "10.00", null, null));
    }

    static NewProduct newProduct(UUID category, String starting, String reserve, String buyNow) {
        return new NewProduct(category, "A product", "A fine item", ProductCondition.GOOD, null, new BigDecimal(starting),
                reserve == null ? null : new BigDecimal(reserve), buyNow == null ? null : new BigDecimal(buyNow),
                List.of("https://img.example/1.jpg"), null, "{\"brand\":\"Acme\"}", null);
    }

    static ProductChanges status(ProductStatus status) {
        return new ProductChanges(null, null, null, null, null, null, null, null, null, null, null, null, status);
    }

    static ProductChanges prices(String starting, Optional<BigDecimal> reserve, Optional<BigDecimal> buyNow) {
        return new ProductChanges(null, null, null, null, null, starting == null ? null : new BigDecimal(starting),
                reserve, buyNow, null, null, null, null, null);
    }

    static ProductChanges title(String title) {
        return new ProductChanges(null, title, null, null, null, null, null, null, null, null, null, null, null);
    }
}
