package live.blytz.catalog.events;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;

/** What every product event carries, so a listener interested in "this product changed" needs one method. */
public sealed interface ProductEvent permits ProductPublished, ProductUpdated, ProductSold, ProductArchived,
        ProductDeleted {

    UUID productId();

    UserId sellerId();

    Instant occurredAt();
}
