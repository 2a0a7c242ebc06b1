package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A person registered an account.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.user-registered", version = 1)
public record UserRegistered(
        UserId userId,
        long accountVersion,
        Instant occurredAt,
        String email,
        Role role,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String phone) {
}
