/** Catalog's own read model of sellers, kept in step with the events of auth and users. */
@NullMarked
package live.blytz.catalog.internal.seller;

import org.jspecify.annotations.NullMarked;
