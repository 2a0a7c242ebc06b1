package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** A product was sold ({@code active → sold}); it can no longer be edited. */
public record ProductSold(UUID productId, UserId sellerId, long version, Instant occurredAt)
        implements ProductEvent {
}
