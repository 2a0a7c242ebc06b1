package live.blytz.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.platform.resilience.CircuitBreakers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Public catalog reads while a dependency is down (ADR 0022): with PostgreSQL down a product detail still comes
 * from the shared cache (the listing, which needs the database, is a 503 at once); with Redis down both come from
 * PostgreSQL without waiting on Redis. The app's breaker is forced open to hold the outage.
 */
@BlytzIntegrationTest
class CatalogOutageTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CircuitBreakers breakers;

    UUID seller;
    UUID product;

    @BeforeEach
    void setUp() {
        CatalogRows rows = new CatalogRows(jdbc);
        seller = rows.seller("Seller " + UUID.randomUUID());
        product = rows.product(seller, rows.category(null)).insert();
    }

    @Test
    void withPostgresDownACachedProductStillAnswers() {
        http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk();  // now in the cache
        CircuitBreaker database = breakers.find("database").orElseThrow();
        database.transitionToForcedOpenState();
        try {
            http.get().uri("/api/v1/products/{id}", product).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.product.id").isEqualTo(product.toString());
            http.get().uri("/api/v1/products?seller_id={seller}", seller).exchange()
                    .expectStatus().isEqualTo(503).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        } finally {
            database.transitionToClosedState();
        }
    }

    @Test
    void withRedisDownProductsComeFromPostgres() {
        CircuitBreaker redis = breakers.find("redis").orElseThrow();
        redis.transitionToForcedOpenState();
        try {
            http.get().uri("/api/v1/products/{id}", product).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.product.id").isEqualTo(product.toString());
            http.get().uri("/api/v1/products?seller_id={seller}", seller).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(product.toString());
        } finally {
            redis.transitionToClosedState();
        }
    }
}
