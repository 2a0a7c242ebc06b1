package live.blytz.catalog.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A product went live ({@code draft → active}): buyers can find it now. Carries what a listener needs to show
 * or index it without calling back; {@code version} orders the events of one product.
 */
public record ProductPublished(
        UUID productId,
        UserId sellerId,
        UUID categoryId,
        String title,
        String currency,
        BigDecimal startingPrice,
        @Nullable BigDecimal buyNowPrice,
        long version,
        Instant occurredAt) implements ProductEvent {
}
