/** The auth module's HTTP endpoints and their authorization rules. */
@NullMarked
package live.blytz.auth.internal.web;

import org.jspecify.annotations.NullMarked;
