/** The catalog module's HTTP endpoints and their authorization rules. */
@NullMarked
package live.blytz.catalog.internal.web;

import org.jspecify.annotations.NullMarked;
