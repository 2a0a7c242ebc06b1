package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.UserId;

/**
 * An account's password changed (by the user or through a reset); older tokens are void.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.password-changed", version = 1)
public record PasswordChanged(UserId userId, long accountVersion, Instant occurredAt) {
}
