/** The auth module's implementation: not visible to other modules. */
@NullMarked
package live.blytz.auth.internal;

import org.jspecify.annotations.NullMarked;
