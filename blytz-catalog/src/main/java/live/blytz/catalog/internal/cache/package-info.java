/**
 * The shared cache of public JSON documents (a product's detail, the category tree) and its eviction on the
 * module's events (ADR 0013).
 */
@NullMarked
package live.blytz.catalog.internal.cache;

import org.jspecify.annotations.NullMarked;
