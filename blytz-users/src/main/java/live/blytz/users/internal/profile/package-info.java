/**
 * The profile a person shows of themselves: created from auth's {@code UserRegistered} or on first access, edited
 * by its owner through {@code /users/me}.
 */
@NullMarked
package live.blytz.users.internal.profile;

import org.jspecify.annotations.NullMarked;
