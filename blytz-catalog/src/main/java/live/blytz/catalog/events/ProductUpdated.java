package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/**
 * A product's fields, its featured flag or its status (other than publishing, selling and archiving) changed.
 * {@code status} is the status after the change ({@code draft}, {@code active}, ...); {@code version} orders
 * the events of one product.
 */
public record ProductUpdated(UUID productId, UserId sellerId, String status, long version, Instant occurredAt)
        implements ProductEvent {
}
