package live.blytz.catalog.internal.product;

import static live.blytz.catalog.internal.product.ProductFixtures.none;
import static live.blytz.catalog.internal.product.ProductFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import live.blytz.catalog.events.ProductArchived;
import live.blytz.catalog.events.ProductDeleted;
import live.blytz.catalog.events.ProductEvent;
import live.blytz.catalog.events.ProductPublished;
import live.blytz.catalog.events.ProductSold;
import live.blytz.catalog.events.ProductUpdated;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import org.junit.jupiter.api.Test;

/** The product decides which events its changes raise, each stamped with the version the change is saved at. */
class ProductEventsTests {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123456Z");
    private static final long LOADED = 4;

    private final UUID id = UUID.randomUUID();
    private final UserId seller = UserId.newId();
    private final UUID category = UUID.randomUUID();

    @Test
    void goingLiveIsAPublicationCarryingWhatAListingNeeds() {
        List<ProductEvent> events = product(ProductStatus.DRAFT).apply(status(ProductStatus.ACTIVE), NOW);

        assertThat(events).containsExactly(new ProductPublished(id, seller, category, "Brass lamp", "EUR",
                new BigDecimal("10.00"), new BigDecimal("25.00"), LOADED + 1, NOW));
    }

    @Test
    void sellingAndArchivingAreEventsOfTheirOwnAndFieldChangesAddAnUpdate() {
        assertThat(product(ProductStatus.ACTIVE).apply(status(ProductStatus.SOLD), NOW))
                .containsExactly(new ProductSold(id, seller, LOADED + 1, NOW));
        assertThat(product(ProductStatus.SOLD).apply(status(ProductStatus.ARCHIVED), NOW))
                .containsExactly(new ProductArchived(id, seller, LOADED + 1, NOW));

        ProductChanges renamedAndSold = new ProductChanges(Patch.absent(), Patch.of("Copper lamp"), Patch.absent(),
                Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
                Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(ProductStatus.SOLD));
        assertThat(product(ProductStatus.ACTIVE).apply(renamedAndSold, NOW)).containsExactly(
                new ProductSold(id, seller, LOADED + 1, NOW),
                new ProductUpdated(id, seller, "sold", LOADED + 1, NOW));
    }

    @Test
    void backToDraftAnEmptyChangeAndFeaturingAreUpdates() {
        assertThat(product(ProductStatus.ACTIVE).apply(status(ProductStatus.DRAFT), NOW))
                .containsExactly(new ProductUpdated(id, seller, "draft", LOADED + 1, NOW));
        assertThat(product(ProductStatus.ACTIVE).apply(none(), NOW))
                .containsExactly(new ProductUpdated(id, seller, "active", LOADED + 1, NOW));
        assertThat(product(ProductStatus.ACTIVE).apply(status(ProductStatus.ACTIVE), NOW))
                .containsExactly(new ProductUpdated(id, seller, "active", LOADED + 1, NOW));
        assertThat(product(ProductStatus.DRAFT).feature(true, NOW))
                .isEqualTo(new ProductUpdated(id, seller, "draft", LOADED + 1, NOW));
        assertThat(product(ProductStatus.ACTIVE).delete(NOW)).isEqualTo(new ProductDeleted(id, seller, NOW));
    }

    @Test
    void aRefusedMoveRaisesNothing() {
        assertThatThrownBy(() -> product(ProductStatus.DRAFT).apply(status(ProductStatus.SOLD), NOW))
                .isInstanceOf(ConflictException.class);
    }

    private Product product(ProductStatus status) {
        Currency eur = Currency.getInstance("EUR");
        return new Product(id, seller, category, "Brass lamp", "", ProductCondition.GOOD,
                Prices.of(eur, new BigDecimal("10.00"), null, new BigDecimal("25.00")), List.of(), null, "{}", "{}",
                status, false, LOADED, CREATED, CREATED);
    }
}
