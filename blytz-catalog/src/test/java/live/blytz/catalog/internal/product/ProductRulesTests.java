package live.blytz.catalog.internal.product;

import static live.blytz.catalog.internal.product.ProductFixtures.newProduct;
import static live.blytz.catalog.internal.product.ProductFixtures.prices;
import static live.blytz.catalog.internal.product.ProductFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.CatalogRows;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Price rules on create and on merged partial updates, the status machine, ownership and versions. */
@BlytzIntegrationTest
class ProductRulesTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProductService products;

    ProductFixtures fixtures;
    UUID category;
    Caller seller = ProductFixtures.seller();

    @BeforeEach
    void setUp() {
        fixtures = new ProductFixtures(products);
        category = new CatalogRows(jdbc).category(null);
    }

    @Test
    void everyPriceRuleIsCheckedOnCreateWithAllFailingFieldsAtOnce() {
        assertFields(() -> products.create(seller, newProduct(category, "0.00", null, null)), "starting_price");
        assertFields(() -> products.create(seller, newProduct(category, "-1.00", null, null)), "starting_price");
        assertFields(() -> products.create(seller, newProduct(category, "10.00", "9.99", null)), "reserve_price");
        assertFields(() -> products.create(seller, newProduct(category, "10.00", null, "10.00")), "buy_now_price");
        assertFields(() -> products.create(seller, newProduct(category, "10.00", "5.00", "5.00")),
                "reserve_price", "buy_now_price");
        assertFields(() -> products.create(seller, newProduct(category, "10.001", null, null)), "starting_price");
        assertFields(() -> products.create(seller, newProduct(category, "100000000000.00", null, null)), "starting_price");

        ProductResponse ok = products.create(seller, newProduct(category, "10.00", "10.00", "10.01"));
        assertThat(ok.startingPrice()).isEqualByComparingTo("10.00");
        assertThat(ok.reservePrice()).isEqualByComparingTo("10.00");
        assertThat(ok.currency()).isEqualTo("EUR");
        assertThat(ok.status()).isEqualTo("draft");
    }

    @Test
    void partialUpdatesAreCheckedAgainstTheMergedPrices() {
        ProductResponse product = products.create(seller, newProduct(category, "10.00", "20.00", "30.00"));
        UUID id = product.id();

        assertFields(() -> products.update(seller, id, prices("35.00", Patch.absent(), Patch.absent()), null),
                "reserve_price", "buy_now_price");
        assertFields(() -> products.update(seller, id, prices("30.00", Patch.of(null), Patch.absent()), null), "buy_now_price");
        assertFields(() -> products.update(seller, id, prices(null, Patch.of(new BigDecimal("9.00")), Patch.absent()), null),
                "reserve_price");
        assertFields(() -> products.update(seller, id, prices(null, Patch.absent(), Patch.of(new BigDecimal("10.00"))), null),
                "buy_now_price");
        assertFields(() -> products.update(seller, id, prices("0", Patch.absent(), Patch.absent()), null), "starting_price");

        ProductResponse cleared = products.update(seller, id,
                prices("25.00", Patch.of(null), Patch.of(null)), null);
        assertThat(cleared.startingPrice()).isEqualByComparingTo("25.00");
        assertThat(cleared.reservePrice()).isNull();
        assertThat(cleared.buyNowPrice()).isNull();
    }

    @Test
    void imagesUrlsAndJsonAreChecked() {
        NewProduct tooMany = withImages(Collections.nCopies(21, "https://img.example/a.jpg"));
        assertFields(() -> products.create(seller, tooMany), "images");
        assertFields(() -> products.create(seller, withImages(List.of("https://ok.example/a.jpg", "ftp://x/y.jpg"))),
                "images[1]");
        assertFields(() -> products.create(seller, withImages(List.of("javascript:alert(1)"))), "images[0]");
        NewProduct huge = new NewProduct(category, "A product", "", ProductCondition.NEW, null, BigDecimal.TEN, null,
                null, null, null, "{\"k\":\"" + "x".repeat(20_000) + "\"}", null);
        assertFields(() -> products.create(seller, huge), "specifications");
        NewProduct badCurrency = new NewProduct(category, "A product", "", ProductCondition.NEW, "BHD", BigDecimal.TEN,
                null, null, null, null, null, null);
        assertFields(() -> products.create(seller, badCurrency), "currency");
        NewProduct noCategory = newProduct(UUID.randomUUID(), "10.00", null, null);
        assertFields(() -> products.create(seller, noCategory), "category_id");
    }

    @Test
    void everyLegalStatusMoveIsAllowed() {
        UUID id = fixtures.draft(seller, category).id();
        assertThat(move(id, ProductStatus.ACTIVE).status()).isEqualTo("active");
        assertThat(move(id, ProductStatus.DRAFT).status()).isEqualTo("draft");
        assertThat(move(id, ProductStatus.ACTIVE).status()).isEqualTo("active");
        assertThat(move(id, ProductStatus.SOLD).status()).isEqualTo("sold");
        assertThat(move(id, ProductStatus.ARCHIVED).status()).isEqualTo("archived");

        for (ProductStatus from : List.of(ProductStatus.DRAFT, ProductStatus.ACTIVE)) {
            UUID other = inStatus(from);
            assertThat(move(other, ProductStatus.ARCHIVED).status()).isEqualTo("archived");
        }
    }

    @Test
    void everyIllegalStatusMoveIsAConflict() {
        for (ProductStatus from : ProductStatus.values()) {
            for (ProductStatus to : ProductStatus.values()) {
                if (from == to || from.canMoveTo(to)) {
                    continue;
                }
                UUID id = inStatus(from);
                assertThatThrownBy(() -> move(id, to)).as(from + " → " + to).isInstanceOf(ConflictException.class);
            }
        }
        assertThat(ProductStatus.DRAFT.canMoveTo(ProductStatus.SOLD)).isFalse();
    }

    @Test
    void soldAndArchivedProductsCannotBeEdited() {
        for (ProductStatus frozen : List.of(ProductStatus.SOLD, ProductStatus.ARCHIVED)) {
            UUID id = inStatus(frozen);
            assertThatThrownBy(() -> products.update(seller, id, ProductFixtures.title("New title"), null))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void anotherSellerGets404ForDraftsAnd403ForPublicProducts() {
        Caller intruder = ProductFixtures.seller();
        UUID draft = fixtures.draft(seller, category).id();
        UUID active = inStatus(ProductStatus.ACTIVE);

        assertThatThrownBy(() -> products.update(intruder, draft, ProductFixtures.title("Mine now"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> products.delete(intruder, draft, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> products.update(intruder, active, ProductFixtures.title("Mine now"), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> products.delete(intruder, active, null)).isInstanceOf(ForbiddenException.class);

        assertThat(products.update(ProductFixtures.admin(), draft, ProductFixtures.title("Fixed by admin"), null).title())
                .isEqualTo("Fixed by admin");
    }

    @Test
    void aStaleVersionIsAConflictAndADeletedProductIsGone() {
        ProductResponse product = fixtures.draft(seller, category);
        products.update(seller, product.id(), ProductFixtures.title("First edit"), product.version());
        assertThatThrownBy(() -> products.update(seller, product.id(), ProductFixtures.title("Second"), product.version()))
                .isInstanceOf(ConflictException.class);

        products.delete(seller, product.id(), null);
        assertThatThrownBy(() -> products.update(seller, product.id(), ProductFixtures.title("Again"), null))
                .isInstanceOf(NotFoundException.class);
    }

    private UUID inStatus(ProductStatus target) {
        UUID id = fixtures.draft(seller, category).id();
        switch (target) {
            case DRAFT -> { }
            case ACTIVE -> move(id, ProductStatus.ACTIVE);
            case SOLD -> {
                move(id, ProductStatus.ACTIVE);
                move(id, ProductStatus.SOLD);
            }
            case ARCHIVED -> move(id, ProductStatus.ARCHIVED);
        }
        return id;
    }

    private ProductResponse move(UUID id, ProductStatus to) {
        return products.update(seller, id, status(to), null);
    }

    private NewProduct withImages(List<String> images) {
        return new NewProduct(category, "A product", "", ProductCondition.NEW, null, BigDecimal.TEN, null, null, images,
                null, null, null);
    }

    private static void assertFields(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting("field").containsExactlyInAnyOrder((Object[]) fields));
    }
}
