package live.blytz.catalog.internal.cache;

import java.util.UUID;

/** The names of the catalog's cached documents, for the readers that fill them and the listeners that evict them. */
public final class CacheKeys {

    /** The active category tree, {@code {"data": [...]}}. */
    public static final String CATEGORY_TREE = "catalog:categories:tree";

    private CacheKeys() {
    }

    /** A page of the public listing, {@code {"data": [...], "pagination": {...}}}, under a catalog generation. */
    public static String listing(String generation, String query) {
        return "catalog:list:" + generation + ":" + query;
    }

    /** The {@code total} of the public listing's filter, under a catalog generation. */
    public static String listingTotal(String generation, String filter) {
        return "catalog:total:" + generation + ":" + filter;
    }

    /** A product's public detail document, {@code {"product": {...}}}. */
    public static String product(UUID productId) {
        return "catalog:product:" + productId;
    }
}
