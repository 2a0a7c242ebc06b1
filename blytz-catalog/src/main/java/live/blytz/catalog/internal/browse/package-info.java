/**
 * What buyers read: the public listing (filters, sorts, offset and keyset paging, its SQL), a seller's own list,
 * and one product's detail document, served from the shared cache and counted as a view.
 */
@NullMarked
package live.blytz.catalog.internal.browse;

import org.jspecify.annotations.NullMarked;
