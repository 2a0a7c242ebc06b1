package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@BlytzIntegrationTest
class RegistrationAndLoginTests {

    @Autowired
    RestTestClient http;

    static String newEmail() {
        return "reg-" + UUID.randomUUID() + "@blytz.test";
    }

    @Test
    void registersASellerAndAnswersWithTheUser() {
        String email = newEmail();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "a fine long passphrase",
                        "first_name", "Ada", "role", "seller"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.user.id").isNotEmpty()
                .jsonPath("$.user.email").isEqualTo(email)
                .jsonPath("$.user.role").isEqualTo("seller")
                .jsonPath("$.user.status").isEqualTo("active")
                .jsonPath("$.user.email_verified").isEqualTo(false)
                .jsonPath("$.user.password_hash").doesNotExist()
                .jsonPath("$.user.password").doesNotExist();
    }

    @Test
    void defaultsToBuyer() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", newEmail(), "password", "a fine long passphrase"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.user.role").isEqualTo("buyer");
    }

    @Test
    void refusesAdminRoleOnRegistration() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", newEmail(), "password", "a fine long passphrase", "role", "admin"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void refusesServerOwnedFields() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", newEmail(), "password", "a fine long passphrase", "email_verified", true))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email_verified");
    }

    @Test
    void duplicateEmailInAnyCaseIsAConflict() {
        String email = newEmail();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "a fine long passphrase"))
                .exchange().expectStatus().isCreated();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "  " + email.toUpperCase() + " ", "password", "another long passphrase"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void refusesProfileDataTheUsersModuleWouldDrop() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", newEmail(), "password", "a fine long passphrase",
                        "first_name", "A".repeat(51), "last_name", "<b>Lovelace</b>", "phone", "020 7946 0958"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'first_name')]").exists()
                .jsonPath("$.errors[?(@.field == 'last_name')]").exists()
                .jsonPath("$.errors[?(@.field == 'phone')]").exists();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", newEmail(), "password", "a fine long passphrase",
                        "first_name", "A".repeat(50), "last_name", "Lovelace", "phone", "0044 (20) 7946-0958"))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void invalidInputNamesEveryField() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "", "role", "emperor"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists()
                .jsonPath("$.errors[?(@.field == 'role')]").exists();
    }

    @Test
    void logsInWithTokensAndTheUser() {
        TestAccounts.Account seller = new TestAccounts(http).register(Role.SELLER);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", seller.email(), "password", seller.password()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.access_token").isNotEmpty()
                .jsonPath("$.refresh_token").isNotEmpty()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(900)
                .jsonPath("$.user.id").isEqualTo(seller.id().toString())
                .jsonPath("$.user.last_login_at").isNotEmpty();
    }

    @Test
    void theConfiguredAdminCanLogIn() {
        TestAccounts.Account admin = new TestAccounts(http).admin();
        assertThat(admin.accessToken()).isNotBlank();
    }

    @Test
    void anAccessTokenOpensProtectedEndpoints() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.get().uri("/api/v1/auth/sessions").header("Authorization", buyer.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.length()").isEqualTo(1);
        http.get().uri("/api/v1/auth/sessions")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @Test
    void loginPolicyIsApplied() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .body(Map.of("email", newEmail(), "password", "whatever it is"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("RateLimit-Limit", "50002");
    }

    @Test
    void jwksIsPublicAndCacheable() {
        http.get().uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/jwk-set+json")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=300"))
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("EC")
                .jsonPath("$.keys[0].crv").isEqualTo("P-256")
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void theOpenApiDescriptionDocumentsTheAuthEndpointsAndTheirErrors() {
        http.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/auth/register'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/auth/login'].post.responses['401']").exists()
                .jsonPath("$.paths['/api/v1/auth/login'].post.responses['429']").exists()
                .jsonPath("$.paths['/api/v1/auth/refresh'].post.responses['401']").exists()
                .jsonPath("$.paths['/api/v1/auth/logout'].post.security").exists()
                .jsonPath("$.paths['/api/v1/auth/sessions/{id}'].delete.responses['404']").exists()
                .jsonPath("$.paths['/api/v1/auth/password-reset/request'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/v1/auth/accounts/{id}/role'].put.responses['403']").exists()
                .jsonPath("$.paths['/.well-known/jwks.json'].get").exists()
                .jsonPath("$.components.schemas.RegisterRequest.properties.email.example").isEqualTo("ada@example.com");
    }
}
