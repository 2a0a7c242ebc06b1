package live.blytz.catalog;

/**
 * The catalog module's published facade, for the few synchronous reads another module truly needs. None does yet:
 * other modules learn about products from {@code live.blytz.catalog.events}, whose records carry what a listener
 * needs, so a read is added here only when a module appears that must ask at the moment it acts.
 */
public interface CatalogApi {
}
