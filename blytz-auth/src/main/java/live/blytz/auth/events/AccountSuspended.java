package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.UserId;

/**
 * An admin suspended an account: it can no longer log in or use any token.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.account-suspended", version = 1)
public record AccountSuspended(UserId userId, long accountVersion, Instant occurredAt) {
}
