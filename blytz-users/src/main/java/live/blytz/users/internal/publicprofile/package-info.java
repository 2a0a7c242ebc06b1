/** What anyone may see of a person: {@code GET /users/{id}}. */
@NullMarked
package live.blytz.users.internal.publicprofile;

import org.jspecify.annotations.NullMarked;
