/**
 * The catalog module owns the category tree and the products sellers list, with their prices, status and
 * search. It keeps its own read model of sellers, fed by the events of auth and users.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"sharedkernel", "auth :: events", "users :: events"})
@NullMarked
package live.blytz.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
