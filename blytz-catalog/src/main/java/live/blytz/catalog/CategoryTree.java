package live.blytz.catalog;

import java.util.Set;
import java.util.UUID;

/** Catalog's category tree as other modules may read it: a filter by category takes its sub-categories too. */
public interface CategoryTree {

    /**
     * The category and all its sub-categories at any depth, active or not, as catalog's product listing filters by
     * them; empty when there is no such category.
     */
    Set<UUID> withDescendants(UUID categoryId);
}
