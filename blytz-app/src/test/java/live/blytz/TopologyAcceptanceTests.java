package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void aRotatedSigningKeyIsAcceptedWithoutARestart() {
        TestAccounts accounts = new TestAccounts(auth());
        Account before = accounts.register(Role.BUYER);
        expectMe(before);

        String kid = Objects.requireNonNull(auth().post().uri("/api/v1/auth/signing-keys/rotate")
                .header(HttpHeaders.AUTHORIZATION, accounts.admin().bearer())
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, String>>() { })
                .getResponseBody()).get("kid");
        Account after = accounts.login(before.email(), before.password());

        assertThat(kidOf(after.accessToken())).isEqualTo(kid).isNotEqualTo(kidOf(before.accessToken()));
        expectMe(after);
        expectMe(before);
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

    private String createPublishedProduct(Account seller) {
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

    private static String kidOf(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JWT: " + token, e);
        }
    }
}
