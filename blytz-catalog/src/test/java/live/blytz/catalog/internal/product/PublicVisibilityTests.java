package live.blytz.catalog.internal.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.CatalogRows;
import live.blytz.sharedkernel.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Publicly visible" is one rule: a public status, not deleted, a seller who is not suspended. Every read that
 * asks it agrees: the detail, the ids whose cached copies a seller's or a category's change evicts, and the
 * listing's generated {@code listed} column (the same rule narrowed to what is for sale).
 */
@BlytzIntegrationTest
class PublicVisibilityTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProductRepository products;

    @Test
    void everyReadAgreesOnWhatThePublicSees() {
        CatalogRows rows = new CatalogRows(jdbc);
        UUID seller = rows.seller("Visibility seller");
        UUID category = rows.category(null);
        Map<UUID, Boolean> visible = new HashMap<>();
        Map<UUID, ProductStatus> statuses = new HashMap<>();
        for (ProductStatus status : ProductStatus.values()) {
            for (boolean deleted : new boolean[] {false, true}) {
                for (boolean suspended : new boolean[] {false, true}) {
                    CatalogRows.Row row = rows.product(seller, category).status(status.code());
                    if (deleted) {
                        row.deleted();
                    }
                    if (suspended) {
                        row.sellerSuspended();
                    }
                    UUID id = row.insert();
                    visible.put(id, status.isPublic() && !deleted && !suspended);
                    statuses.put(id, status);
                }
            }
        }
        assertThat(visible).containsValue(true).containsValue(false);

        for (Map.Entry<UUID, Boolean> product : visible.entrySet()) {
            UUID id = product.getKey();
            boolean expected = product.getValue();
            assertThat(products.publiclyVisible(id)).as(id.toString()).isEqualTo(expected);
            products.details(id).ifPresent(details ->
                    assertThat(details.publiclyVisible()).as(id.toString()).isEqualTo(expected));
            assertThat(jdbc.queryForObject("SELECT listed FROM catalog.products WHERE id = ?", Boolean.class, id))
                    .as("listed " + id).isEqualTo(expected && statuses.get(id) == ProductStatus.ACTIVE);
        }
        UUID[] expectedIds = visible.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .toArray(UUID[]::new);
        assertThat(products.visibleIdsOf(new UserId(seller))).containsExactlyInAnyOrder(expectedIds);
        assertThat(products.visibleIdsIn(category)).containsExactlyInAnyOrder(expectedIds);
    }
}
