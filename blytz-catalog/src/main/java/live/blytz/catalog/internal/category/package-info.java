/** The category tree: the {@code Category} aggregate, its tree-shaped queries, slugs, use cases and endpoints. */
@NullMarked
package live.blytz.catalog.internal.category;

import org.jspecify.annotations.NullMarked;
