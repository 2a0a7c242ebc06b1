package live.blytz.catalog;

/** The catalog module's published facade, for the few synchronous reads another module truly needs. */
public interface CatalogApi {
}
