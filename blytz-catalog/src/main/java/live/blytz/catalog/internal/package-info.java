/** The catalog module's implementation: not visible to other modules. */
@NullMarked
package live.blytz.catalog.internal;

import org.jspecify.annotations.NullMarked;
