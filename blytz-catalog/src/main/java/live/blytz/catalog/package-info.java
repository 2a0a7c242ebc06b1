/**
 * The catalog module owns the category tree and the products sellers list, with their prices, status and
 * search. It keeps its own read model of sellers, fed by the events of auth and users. Its API ({@link
 * live.blytz.catalog.ProductAuctions}) lets auctions reserve, release and sell a product (ADR 0025); {@link
 * live.blytz.catalog.CategoryTree} gives a category's sub-categories, for filters by category.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"sharedkernel", "auth :: events", "users :: events"})
@NullMarked
package live.blytz.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
