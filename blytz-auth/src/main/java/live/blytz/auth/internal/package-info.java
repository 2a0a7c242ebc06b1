/**
 * The auth module's implementation, not visible to other modules. One package per feature, each with its
 * controller beside the service it calls: {@code account} (registration, admin changes), {@code session} (login,
 * refresh, logout, sessions), {@code token} (access tokens, signing keys, revocation, JWKS) and {@code password}
 * (hashing, policy, throttling, reset and e-mail verification mails). Module-wide settings and route rules stay here.
 */
@NullMarked
package live.blytz.auth.internal;

import org.jspecify.annotations.NullMarked;
