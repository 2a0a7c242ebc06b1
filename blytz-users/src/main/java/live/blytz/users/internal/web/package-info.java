/** The users module's HTTP endpoints and their authorization rules. */
@NullMarked
package live.blytz.users.internal.web;

import org.jspecify.annotations.NullMarked;
