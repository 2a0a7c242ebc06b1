/**
 * Products as their sellers edit them: the {@code Product} aggregate (prices, status machine, the events its
 * changes raise), its repository, the write use cases and their endpoints.
 */
@NullMarked
package live.blytz.catalog.internal.product;

import org.jspecify.annotations.NullMarked;
