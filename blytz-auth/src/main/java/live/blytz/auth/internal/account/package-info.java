/**
 * Accounts: registration (with the first admin and the demo accounts) and the admin's role, suspension and
 * reactivation.
 */
@NullMarked
package live.blytz.auth.internal.account;

import org.jspecify.annotations.NullMarked;
