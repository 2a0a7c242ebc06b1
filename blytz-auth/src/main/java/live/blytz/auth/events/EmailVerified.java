package live.blytz.auth.events;

import java.time.Instant;
import live.blytz.sharedkernel.IntegrationEvent;
import live.blytz.sharedkernel.UserId;

/**
 * An account proved it owns its e-mail address.
 * {@code accountVersion} grows with every change of the account, so a listener can ignore an event
 * older than the state it already holds.
 */
@IntegrationEvent(name = "auth.email-verified", version = 1)
public record EmailVerified(UserId userId, long accountVersion, Instant occurredAt, String email) {
}
