/**
 * The auth module owns accounts, credentials, roles, sessions and the tokens that prove them.
 * Nothing calls into it: other modules learn who the caller is from the verified JWT and learn about
 * accounts from its {@code events}, so that it can run as a service of its own (ADR 0033). Its root package is what
 * such a split needs besides the events: the rules an access token must pass ({@code AccessTokenRules}), the shared
 * revocation keys ({@code SharedRevocations}) and the verifier of a process without auth
 * ({@code JwksTokenVerification}); no other module calls it.
 */
@ApplicationModule(displayName = "Auth", allowedDependencies = "sharedkernel")
@NullMarked
package live.blytz.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
