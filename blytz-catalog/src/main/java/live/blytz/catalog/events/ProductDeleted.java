package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** A product was deleted (softly: the row stays for the record, but nobody sees it through the API any more). */
public record ProductDeleted(UUID productId, UserId sellerId, Instant occurredAt)
        implements ProductEvent {
}
