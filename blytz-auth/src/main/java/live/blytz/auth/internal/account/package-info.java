/** Accounts: registration (with the demo and first-admin accounts) and the admin's role, suspension and reactivation. */
@NullMarked
package live.blytz.auth.internal.account;

import org.jspecify.annotations.NullMarked;
