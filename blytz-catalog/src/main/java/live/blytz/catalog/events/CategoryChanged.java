package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;

/** A category was created, changed or deleted; the category tree anyone sees is different now. */
public record CategoryChanged(UUID categoryId, Change change, Instant occurredAt) {

    public enum Change { CREATED, UPDATED, DELETED }
}
