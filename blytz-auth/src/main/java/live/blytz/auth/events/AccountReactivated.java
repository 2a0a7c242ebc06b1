package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.UserId;

/**
 * An admin lifted an account's suspension.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.account-reactivated", version = 1)
public record AccountReactivated(UserId userId, long accountVersion, Instant occurredAt) {
}
