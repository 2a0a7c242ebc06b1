/**
 * The users module owns what a person shows of themselves (names, avatar, phone, bio) and a read model of
 * the account facts that auth publishes. It listens to auth's events and never calls into auth.
 */
@ApplicationModule(displayName = "Users", allowedDependencies = {"sharedkernel", "auth :: events"})
@NullMarked
package live.blytz.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
