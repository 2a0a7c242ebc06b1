/**
 * The auth module owns accounts, credentials, roles, sessions and the tokens that prove them.
 * Nothing calls into it: other modules learn who the caller is from the verified JWT and learn about
 * accounts from its {@code events}, so that it can later run as a service of its own.
 */
@ApplicationModule(displayName = "Auth", allowedDependencies = "sharedkernel")
@NullMarked
package live.blytz.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
