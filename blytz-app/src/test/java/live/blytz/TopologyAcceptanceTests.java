package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The story of issue 13, through HTTP, for both topologies (ADR 0033): the monolith ({@link MonolithAcceptanceTests},
 * one process) and the split ({@link SplitAcceptanceTests}: an auth service and a marketplace). Whatever concerns
 * accounts and tokens goes to {@link #auth()}, everything else to {@link #marketplace()}, as the reverse proxy of
 * the split topology routes it; in the monolith both are the same server.
 */
abstract class TopologyAcceptanceTests {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ENVELOPE =
            new ParameterizedTypeReference<>() { };

    /** Where {@code /api/v1/auth/**} and {@code /.well-known/jwks.json} go. */
    abstract RestTestClient auth();

    /** Where everything else goes. */
    abstract RestTestClient marketplace();

    /** Whether auth's events reach the marketplace's listeners (in the split: only with a broker). */
    abstract boolean eventsCross();

    @Test
    void aTokenFromAuthWorksOnTheMarketplace() {
        Account account = new TestAccounts(auth()).register(Role.SELLER);

        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user.id").isEqualTo(account.id().toString())
                .jsonPath("$.user.role").isEqualTo("seller");
        marketplace().get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theAccountsFactsAndTheSellersNameArriveWithTheEvents() {
        assumeTrue(eventsCross(), "no broker carries auth's events to the marketplace");
        Account account = new TestAccounts(auth()).register(Role.SELLER, "Ada", "Lovelace");

        // The account's facts come with auth's events.
        await().untilAsserted(() -> assertThat(me(account)).containsEntry("email", account.email())
                .containsEntry("first_name", "Ada").containsEntry("last_name", "Lovelace"));
        // The seller's name reaches the catalog from the users module's events.
        String product = createPublishedProduct(account);
        await().untilAsserted(() -> assertThat(seller(product)).containsEntry("id", account.id().toString())
                .containsEntry("display_name", "Ada L."));
    }

    @Test
    void aSuspendedAccountsTokenIsRefusedAtOnceAndItsProductsDisappear() {
        TestAccounts accounts = new TestAccounts(auth());
        Account seller = accounts.register(Role.SELLER);
        String product = createPublishedProduct(seller);
        marketplace().get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk();

        auth().post().uri("/api/v1/auth/accounts/{id}/suspend", seller.id().value())
                .header(HttpHeaders.AUTHORIZATION, accounts.admin().bearer())
                .exchange().expectStatus().isNoContent();

        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isUnauthorized();
        assumeTrue(eventsCross(), "no broker carries auth's events to the marketplace");
        await().untilAsserted(() -> marketplace().get().uri("/api/v1/products/{id}", product)
                .exchange().expectStatus().isNotFound());
    }

    @Test
    void aLoggedOutSessionsTokenIsRefusedAtOnce() {
        Account account = new TestAccounts(auth()).register(Role.BUYER);
        expectMe(account);

        auth().post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("refresh_token", account.refreshToken()))
                .exchange().expectStatus().isNoContent();

        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isUnauthorized();
    }

    /** What the marketplace does before a rotation in the split: spend its JWK Set fetches (the monolith: nothing). */
    void spendKeyFetches() {
    }

    /** How often the marketplace has fetched auth's JWK Set (the monolith has none to fetch). */
    long keyFetches() {
        return 0;
    }

    /** How many fetches of auth's JWK Set the first token of a new key costs the marketplace. */
    long keyFetchesForANewKey() {
        return 0;
    }

    @Test
    void aRotatedSigningKeyIsPublishedBeforeItSignsAndAcceptedWithoutARestart() throws Exception {
        TestAccounts accounts = new TestAccounts(auth());
        Account before = accounts.register(Role.BUYER);
        String admin = accounts.admin().bearer();
        expectMe(before);
        // The worst moment to rotate: the marketplace has just fetched auth's keys as often as it may for a while.
        spendKeyFetches();

        Map<String, String> rotation = Objects.requireNonNull(auth().post().uri("/api/v1/auth/signing-keys/rotate")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, String>>() { })
                .getResponseBody());
        String kid = rotation.get("kid");
        Instant activatesAt = Instant.parse(rotation.get("activates_at"));
        assertThat(kid).isNotEqualTo(kidOf(before.accessToken()));
        long fetches = keyFetches();

        // Published at once; signing only from its activation on.
        assertThat(auth().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"kid\":\"" + kid + "\"");
        Account meanwhile = accounts.login(before.email(), before.password());
        assertThat(kidOf(meanwhile.accessToken()))
                .isEqualTo(issuedAt(meanwhile).isBefore(activatesAt) ? kidOf(before.accessToken()) : kid);
        expectMe(meanwhile);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), activatesAt).toMillis() + 100));
        Account after = accounts.login(before.email(), before.password());
        assertThat(kidOf(after.accessToken())).isEqualTo(kid);
        // The first request with the new key is accepted: no retry, no restart, no waiting for a cache.
        expectMe(after);
        expectMe(before);
        assertThat(keyFetches() - fetches).isEqualTo(keyFetchesForANewKey());
    }

    private void expectMe(Account account) {
        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.id").isEqualTo(account.id().toString());
    }

    private Map<String, Object> me(Account account) {
        return Objects.requireNonNull(marketplace().get().uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk()
                .returnResult(ENVELOPE).getResponseBody()).get("user");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> seller(String product) {
        return (Map<String, Object>) Objects.requireNonNull(marketplace().get().uri("/api/v1/products/{id}", product)
                .exchange().expectStatus().isOk()
                .returnResult(ENVELOPE).getResponseBody()).get("product").get("seller");
    }

    String createPublishedProduct(Account seller) {
        String admin = new TestAccounts(auth()).admin().bearer();
        String category = (String) created(marketplace().post().uri("/api/v1/categories")
                .header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Topology " + System.nanoTime())).exchange(), "category").get("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category_id", category);
        body.put("title", "Vintage lamp");
        body.put("description", "Brass, 1960s");
        body.put("condition", "good");
        body.put("starting_price", 10.00);
        body.put("images", List.of("https://img.example/lamp.jpg"));
        String id = (String) created(marketplace().post().uri("/api/v1/products")
                .header(HttpHeaders.AUTHORIZATION, seller.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange(), "product").get("id");
        marketplace().patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "active"))
                .exchange().expectStatus().isOk();
        return id;
    }

    private static Map<String, Object> created(RestTestClient.ResponseSpec response, String name) {
        return Objects.requireNonNull(response.expectStatus().isCreated().returnResult(ENVELOPE).getResponseBody())
                .get(name);
    }

    private static String kidOf(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static Instant issuedAt(Account account) throws ParseException {
        return SignedJWT.parse(account.accessToken()).getJWTClaimsSet().getIssueTime().toInstant();
    }
}
