package live.blytz.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What clients see while a dependency is down (ADR 0022), through the real filter chain: a request that needs it
 * gets a 503 problem with {@code Retry-After} at once, never a 500 or a wait; one that does not still gets its
 * normal answer. To hold an outage, the app's own breaker is forced open (how real failures open and close the
 * breakers is covered by {@code RedisOutageTests}, {@code RedisRecoveryTests} and {@code DatabaseOutageTests}),
 * and closed again after. The catalog's reads are covered by {@code CatalogOutageTests}.
 */
@BlytzIntegrationTest
class DependencyOutageHttpTests {

    @Autowired
    RestTestClient http;
    @Autowired
    CircuitBreakers breakers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    Account seller;
    String retryAfter;

    @BeforeEach
    void setUp() {
        seller = new TestAccounts(http).register(Role.SELLER);
        retryAfter = Long.toString(Math.max(1, breakers.retryAfter().toSeconds()));
        // Let the other modules finish handling the sign-up (asynchronously) before any outage is simulated.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", Long.class,
                "%" + seller.id().value() + "%") == 0);
    }

    @Test
    void aConnectionLostMidTransactionIsA503WithRetryAfterNotA500() {
        String body = http.get().uri("/test/probe/open/connection-lost")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, retryAfter)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("https://api.blytz.live/problems/service-unavailable")
                .doesNotContain("pg_terminate_backend").doesNotContain("rollback");
    }

    @Test
    void withPostgresDownWhatNeedsItIsA503AtOnceAndLivenessStillAnswers() {
        CircuitBreaker database = breakers.find("database").orElseThrow();
        database.transitionToForcedOpenState();
        try {
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            unavailable(http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer()));
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.db.status").isEqualTo("DOWN");
            // Refused by the breaker: PostgreSQL was not asked, and nothing waited for a connection.
            assertThat(database.getMetrics().getNumberOfNotPermittedCalls()).isGreaterThanOrEqualTo(2);
        } finally {
            database.transitionToClosedState();
        }
        http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void withRedisDownAuthenticatedRequestsAreA503AtOnceAndPublicOnesAnswer() {
        CircuitBreaker redis = breakers.find("redis").orElseThrow();
        redis.transitionToForcedOpenState();
        try {
            http.get().uri("/api/v1/products").exchange().expectStatus().isOk();
            // The in-memory copy of the revocations is trusted for a second after its last poll of Redis (ADR 0027);
            // then the revocation list cannot be read: the token is neither accepted nor refused.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> http.get()
                    .uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .exchange().returnResult(String.class).getStatus().value() == 503);
            unavailable(http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer()));
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.redis.status").isEqualTo("DOWN");
            // Rate limits and the token check were refused without asking Redis.
            assertThat(redis.getMetrics().getNumberOfNotPermittedCalls()).isGreaterThanOrEqualTo(3);
        } finally {
            redis.transitionToClosedState();
        }
        http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void eachBreakersStateIsAMetric() {
        for (String dependency : List.of("database", "redis")) {
            assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", dependency).tag("state", "closed")
                    .gauge().value()).isEqualTo(1.0);
        }
    }

    private void unavailable(RestTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, retryAfter)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/service-unavailable");
    }
}
