/** Passwords: hashing, policy, login throttling, password change and reset, and e-mail verification mails. */
@NullMarked
package live.blytz.auth.internal.password;

import org.jspecify.annotations.NullMarked;
