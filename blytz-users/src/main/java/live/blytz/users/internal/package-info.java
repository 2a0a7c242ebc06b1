/** The users module's implementation: not visible to other modules. */
@NullMarked
package live.blytz.users.internal;

import org.jspecify.annotations.NullMarked;
