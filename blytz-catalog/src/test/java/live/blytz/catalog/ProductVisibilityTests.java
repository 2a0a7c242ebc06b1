package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.events.UserProfileUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public sees of one product: only public statuses, never a reserve price, never a suspended seller's
 * products (cached copies included), and views counted once per client and hour, exactly once flushed.
 */
@BlytzIntegrationTest
class ProductVisibilityTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    CatalogRows rows;
    TestAccounts accounts;
    UUID seller;
    UUID category;

    @BeforeEach
    void setUp() {
        rows = new CatalogRows(jdbc);
        accounts = new TestAccounts(http);
        seller = rows.seller("Visible Seller");
        category = rows.category(null);
    }

    @Test
    void onlyActiveAndSoldProductsAreVisibleAndNeverWithTheirReservePrice() {
        UUID active = rows.product(seller, category).reserve("99.00").insert();
        UUID sold = rows.product(seller, category).status("sold").insert();

        http.get().uri("/api/v1/products/{id}", active).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.product.id").isEqualTo(active.toString())
                .jsonPath("$.product.status").isEqualTo("active")
                .jsonPath("$.product.reserve_price").isEmpty()
                .jsonPath("$.product.starting_price").isEqualTo(10.00)
                .jsonPath("$.product.specifications.brand").isEqualTo("Acme")
                .jsonPath("$.product.images[0]").isEqualTo("https://img.example/a.jpg")
                .jsonPath("$.product.seller.display_name").isEqualTo("Visible Seller");
        http.get().uri("/api/v1/products/{id}", sold).exchange().expectStatus().isOk();

        for (UUID hidden : new UUID[] {
                rows.product(seller, category).status("draft").insert(),
                rows.product(seller, category).status("archived").insert(),
                rows.product(seller, category).deleted().insert(),
                UUID.randomUUID()}) {
            http.get().uri("/api/v1/products/{id}", hidden).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType("application/problem+json");
        }
    }

    @Test
    void aSuspendedSellersProductsDisappearEvenFromTheCacheAndComeBackOnReactivation() {
        UUID product = rows.product(seller, category).insert();
        http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk(); // now cached

        publish(new AccountSuspended(new UserId(seller), 5, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isNotFound());
        http.get().uri("/api/v1/products?seller_id={id}", seller).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();

        publish(new AccountReactivated(new UserId(seller), 4, Instant.now())); // older than the suspension: ignored
        publish(new AccountSuspended(new UserId(seller), 5, Instant.now())); // a duplicate: changes nothing
        assertThat(suspended()).isTrue();

        publish(new AccountReactivated(new UserId(seller), 6, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                http.get().uri("/api/v1/products?seller_id={id}", seller).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(product.toString()));
        http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk();
    }

    @Test
    void profileUpdatesRenameTheSellerInOrderOnly() {
        UUID product = rows.product(seller, category).insert();

        publish(new UserProfileUpdated(new UserId(seller), 3, Instant.now(), "New Name", null));
        publish(new UserProfileUpdated(new UserId(seller), 2, Instant.now(), "Stale Name", null));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                http.get().uri("/api/v1/products/{id}", product).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.product.seller.display_name").isEqualTo("New Name"));
        http.get().uri("/api/v1/products?seller_id={id}", seller).exchange()
                .expectBody().jsonPath("$.data[0].seller.display_name").isEqualTo("New Name");
    }

    @Test
    void aClientsReadsCountAsOneViewPerHourAndEveryCountIsFlushedExactlyOnce() {
        UUID product = rows.product(seller, category).views(7).insert();
        UUID draft = rows.product(seller, category).status("draft").insert();
        // Loopback is a trusted proxy in the test profile: X-Forwarded-For names the client.
        for (int i = 0; i < 25; i++) {
            read(product, "198.51.100.20").expectStatus().isOk();
            read(draft, "198.51.100.20").expectStatus().isNotFound();
        }
        read(product, "198.51.100.21").expectStatus().isOk();
        // Two addresses of one IPv6 /64 are one client; so are several accounts signed in from one address (accounts
        // cost nothing to open: they must not pump the count).
        read(product, "2001:db8:77:1::1").expectStatus().isOk();
        read(product, "2001:db8:77:1::2").expectStatus().isOk();
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/v1/products/{id}", product).header("X-Forwarded-For", "198.51.100.22")
                    .header("Authorization", accounts.register(Role.BUYER).bearer()).exchange().expectStatus().isOk();
        }

        int clients = 4;
        await().atMost(Duration.ofSeconds(15)).until(() -> viewCount(product) == 7 + clients);
        // Stays exact: nothing is counted twice by later flushes, and repeating a read does not pump the count.
        read(product, "198.51.100.20").expectStatus().isOk();
        await().pollDelay(Duration.ofMillis(600)).until(() -> true);
        assertThat(viewCount(product)).isEqualTo(7 + clients);
        assertThat(viewCount(draft)).isZero();
    }

    private RestTestClient.ResponseSpec read(UUID product, String clientAddress) {
        return http.get().uri("/api/v1/products/{id}", product).header("X-Forwarded-For", clientAddress).exchange();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private boolean suspended() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT suspended FROM catalog.sellers WHERE id = ?",
                Boolean.class, seller));
    }

    private long viewCount(UUID product) {
        Long count = jdbc.queryForObject("SELECT view_count FROM catalog.products WHERE id = ?", Long.class, product);
        return count == null ? -1 : count;
    }
}
