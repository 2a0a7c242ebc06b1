/** The read model of account facts (e-mail, role, status, logins) that auth's events keep up to date. */
@NullMarked
package live.blytz.users.internal.account;

import org.jspecify.annotations.NullMarked;
