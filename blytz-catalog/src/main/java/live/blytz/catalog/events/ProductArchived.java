package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** A product was archived (from any status): it is no longer offered and only its seller and admins see it. */
public record ProductArchived(UUID productId, UserId sellerId, long version, Instant occurredAt)
        implements ProductEvent {
}
