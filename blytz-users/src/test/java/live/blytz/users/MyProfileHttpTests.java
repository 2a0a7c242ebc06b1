package live.blytz.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code GET/PATCH /users/me} through the real filter chain with real access tokens. */
@BlytzIntegrationTest
class MyProfileHttpTests {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ENVELOPE =
            new ParameterizedTypeReference<>() { };

    @Autowired
    RestTestClient http;

    TestAccounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new TestAccounts(http);
    }

    @Test
    void theOwnProfileRightAfterRegistrationIsThereEveryTime() {
        for (int i = 0; i < 20; i++) {
            Account account = accounts.register(Role.SELLER);
            http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().exists(HttpHeaders.ETAG)
                    .expectBody()
                    .jsonPath("$.user.id").isEqualTo(account.id().toString())
                    .jsonPath("$.user.role").isEqualTo("seller")
                    .jsonPath("$.user.status").isEqualTo("active");
        }
    }

    @Test
    void theOwnProfileShowsTheAccountFactsOnceAuthsEventsArrive() {
        Account account = accounts.register(Role.BUYER);
        await().untilAsserted(() -> {
            Map<String, Object> user = me(account);
            assertThat(user).containsEntry("email", account.email())
                    .containsEntry("role", "buyer")
                    .containsEntry("email_verified", false);
            assertThat(user.get("last_login_at")).isNotNull();
        });
        assertThat(me(account)).containsKeys("id", "email", "role", "status", "first_name", "last_name",
                "display_name", "avatar_url", "phone", "bio", "email_verified", "last_login_at", "created_at",
                "updated_at", "version");
    }

    @Test
    void aPersonEditsTheirProfileAndTheirPublicFaceChanges() {
        Account account = accounts.register(Role.SELLER);
        long version = version(me(account));

        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("first_name", "  Ada ", "last_name", "Lovelace", "phone", "+44 20 7946 0958",
                        "avatar_url", "https://cdn.example.com/ada.png", "bio", "Engines & numbers.",
                        "version", version))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (version + 1) + "\"")
                .expectBody()
                .jsonPath("$.user.first_name").isEqualTo("Ada")
                .jsonPath("$.user.display_name").isEqualTo("Ada L.")
                .jsonPath("$.user.phone").isEqualTo("+442079460958")
                .jsonPath("$.user.version").isEqualTo((int) version + 1);

        Map<String, Object> publicView = http.get().uri("/api/v1/users/{id}", account.id().value())
                .exchange()
                .expectStatus().isOk()
                .expectBody(ENVELOPE).returnResult().getResponseBody().get("user");
        assertThat(publicView).containsOnlyKeys("id", "display_name", "avatar_url", "bio", "role", "created_at")
                .containsEntry("display_name", "Ada L.")
                .containsEntry("avatar_url", "https://cdn.example.com/ada.png")
                .containsEntry("role", "seller");
        assertThat(publicView.values()).doesNotContain(account.email(), "+442079460958");
    }

    @Test
    void aFieldLeftOutStaysAndNullClearsIt() {
        Account account = accounts.register(Role.BUYER);
        long version = version(patch(account, Map.of("first_name", "Grace", "bio", "Admiral",
                "version", version(me(account)))));

        String body = "{\"bio\": null, \"display_name\": \"Amazing Grace\", \"version\": " + version + "}";
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user.first_name").isEqualTo("Grace")
                .jsonPath("$.user.bio").doesNotExist()
                .jsonPath("$.user.display_name").isEqualTo("Amazing Grace");
    }

    @Test
    void theVersionCanComeAsIfMatchAndAStaleOneIsAConflict() {
        Account account = accounts.register(Role.BUYER);
        String etag = http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("last_name", "First"))
                .exchange()
                .expectStatus().isOk();

        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("last_name", "Second"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(409);
        assertThat(me(account)).containsEntry("last_name", "First");
    }

    @Test
    void anEditWithoutAVersionAppliesToTheCurrentOne() {
        Account account = accounts.register(Role.BUYER);
        long version = version(me(account));
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "no version"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (version + 1) + "\"")
                .expectBody().jsonPath("$.user.bio").isEqualTo("no version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "role", "status", "id", "email_verified", "created_at", "is_admin"})
    void protectedAndUnknownFieldsAreRefusedByName(String field) {
        Account account = accounts.register(Role.BUYER);
        long version = version(me(account));
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(field, "admin", "version", version))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field);
        assertThat(me(account)).containsEntry("role", "buyer").containsEntry("version", (int) version);
    }

    @Test
    void invalidFieldsAreAllReportedAtOnce() {
        Account account = accounts.register(Role.BUYER);
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", "12345", "avatar_url", "javascript:alert(1)", "bio", "<script>x</script>",
                        "first_name", "x".repeat(51), "version", version(me(account))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'phone')]").exists()
                .jsonPath("$.errors[?(@.field == 'avatar_url')]").exists()
                .jsonPath("$.errors[?(@.field == 'bio')]").exists()
                .jsonPath("$.errors[?(@.field == 'first_name')]").exists();
    }

    private Map<String, Object> me(Account account) {
        return http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(ENVELOPE).returnResult().getResponseBody().get("user");
    }

    private Map<String, Object> patch(Account account, Map<String, Object> body) {
        return http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ENVELOPE).returnResult().getResponseBody().get("user");
    }

    private static long version(Map<String, Object> user) {
        return ((Number) user.get("version")).longValue();
    }
}
