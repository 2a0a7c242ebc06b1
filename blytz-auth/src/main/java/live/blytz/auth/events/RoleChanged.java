package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;

/**
 * An admin changed an account's role.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.role-changed", version = 1)
public record RoleChanged(UserId userId, long accountVersion, Instant occurredAt, Role role) {
}
