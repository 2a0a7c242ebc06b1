package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.Concurrently;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Refresh rotation and reuse detection, logout, logout-all, password change, suspension and role change. */
@BlytzIntegrationTest
class SessionAndRevocationTests {

    private static final String PROTECTED = "/api/v1/auth/sessions";

    @Autowired
    RestTestClient http;

    TestAccounts accounts() {
        return new TestAccounts(http);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refreshRotatesAndAReusedTokenRevokesTheWholeSession() {
        Account buyer = accounts().register(Role.BUYER);
        expectAccess(buyer.accessToken(), 200);

        Map<String, Object> second = http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .header("User-Agent", "BlytzApp/2.0").header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("refresh_token", buyer.refreshToken()))
                .exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody();
        // The session shows where it was used last.
        http.get().uri(PROTECTED).header("Authorization", "Bearer " + second.get("access_token"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[0].user_agent").isEqualTo("BlytzApp/2.0")
                .jsonPath("$.data[0].ip").isEqualTo("198.51.100.7");
        String secondRefresh = (String) second.get("refresh_token");
        assertThat(secondRefresh).isNotEqualTo(buyer.refreshToken());
        expectAccess((String) second.get("access_token"), 200);

        // The spent first token comes back (stolen?): 401, and the whole family is revoked.
        refresh(buyer.refreshToken(), 401);
        refresh(secondRefresh, 401);
        expectAccess((String) second.get("access_token"), 401);
    }

    @Test
    void concurrentRefreshesWithOneTokenYieldAtMostOneSuccessor() throws Exception {
        Account buyer = accounts().register(Role.BUYER);
        List<Integer> statuses = Concurrently.run(8, () -> http.post().uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("refresh_token", buyer.refreshToken()))
                .exchange().returnResult().getStatus().value());
        assertThat(statuses).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        refresh("not-a-refresh-token", 401);
    }

    @Test
    void logoutKillsTheAccessTokenAtOnceAndEndsTheSession() {
        Account buyer = accounts().register(Role.BUYER);
        http.post().uri("/api/v1/auth/logout").header("Authorization", buyer.bearer())
                .exchange().expectStatus().isNoContent();
        expectAccess(buyer.accessToken(), 401);
        refresh(buyer.refreshToken(), 401);
    }

    @Test
    void logoutAllEndsEverySession() {
        Account buyer = accounts().register(Role.BUYER);
        Account otherDevice = accounts().login(buyer.email(), buyer.password());
        http.post().uri("/api/v1/auth/logout-all").header("Authorization", buyer.bearer())
                .exchange().expectStatus().isNoContent();
        expectAccess(buyer.accessToken(), 401);
        expectAccess(otherDevice.accessToken(), 401);
        refresh(otherDevice.refreshToken(), 401);
        refresh(buyer.refreshToken(), 401);
        // A fresh login works.
        expectAccess(accounts().login(buyer.email(), buyer.password()).accessToken(), 200);
    }

    @Test
    void sessionsAreListedAndCanBeEnded() {
        Account buyer = accounts().register(Role.BUYER);
        Account laptop = accounts().login(buyer.email(), buyer.password());
        http.get().uri(PROTECTED).header("Authorization", laptop.bearer())
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.pagination.total").isEqualTo(2)
                .jsonPath("$.pagination.total_pages").isEqualTo(1)
                .jsonPath("$.data[?(@.current == true)].id").exists();
        String laptopSession = currentSessionId(laptop);

        http.delete().uri("/api/v1/auth/sessions/{id}", laptopSession).header("Authorization", buyer.bearer())
                .exchange().expectStatus().isNoContent();
        refresh(laptop.refreshToken(), 401);
        expectAccess(laptop.accessToken(), 401);
        expectAccess(buyer.accessToken(), 200);

        // Someone else's (or an ended) session is not found.
        Account stranger = accounts().register(Role.BUYER);
        http.delete().uri("/api/v1/auth/sessions/{id}", currentSessionId(buyer))
                .header("Authorization", stranger.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aStaleBearerTokenDoesNotBlockThePublicAuthRoutes() {
        Account buyer = accounts().register(Role.BUYER);
        for (String stale : List.of("Bearer not.a.token", "Bearer " + revokedAccessToken(buyer))) {
            Map<?, ?> refreshed = http.post().uri("/api/v1/auth/refresh").header("Authorization", stale)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("refresh_token", buyer.refreshToken()))
                    .exchange().expectStatus().isOk()
                    .returnResult(Map.class).getResponseBody();
            buyer = new Account(buyer.id(), buyer.email(), buyer.password(), (String) refreshed.get("access_token"),
                    (String) refreshed.get("refresh_token"));
            http.post().uri("/api/v1/auth/login").header("Authorization", stale)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", buyer.email(), "password", buyer.password()))
                    .exchange().expectStatus().isOk();
            // Protected routes still refuse it.
            http.get().uri("/api/v1/auth/sessions").header("Authorization", stale)
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    private String revokedAccessToken(Account account) {
        Account other = accounts().login(account.email(), account.password());
        http.post().uri("/api/v1/auth/logout").header("Authorization", other.bearer())
                .exchange().expectStatus().isNoContent();
        return other.accessToken();
    }

    @Test
    void passwordChangeKillsOtherSessionsAndEveryOldToken() {
        Account buyer = accounts().register(Role.BUYER);
        Account phone = accounts().login(buyer.email(), buyer.password());
        changePassword(buyer, buyer.password(), "a completely new passphrase", 204);

        expectAccess(phone.accessToken(), 401);
        refresh(phone.refreshToken(), 401);
        expectAccess(buyer.accessToken(), 401);
        // The session that changed the password lives on: its refresh token yields a working token.
        expectAccess((String) refresh(buyer.refreshToken(), 200).get("access_token"), 200);
        accounts().login(buyer.email(), "a completely new passphrase");
        login(buyer.email(), buyer.password(), 401);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAGoodNewOne() {
        Account buyer = accounts().register(Role.BUYER);
        changePassword(buyer, "not my password", "a completely new passphrase", 400);
        changePassword(buyer, buyer.password(), "password1", 400);
        http.post().uri("/api/v1/auth/change-password").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("current_password", buyer.password(), "new_password", "a completely new passphrase"))
                .exchange().expectStatus().isUnauthorized();
        expectAccess(buyer.accessToken(), 200);
    }

    @Test
    void suspendedUserAndEveryTokenAreRefusedUntilReactivated() {
        Account admin = accounts().admin();
        Account seller = accounts().register(Role.SELLER);
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", seller.id().value()).header("Authorization", admin.bearer())
                .exchange().expectStatus().isNoContent();

        expectAccess(seller.accessToken(), 401);
        refresh(seller.refreshToken(), 401);
        login(seller.email(), seller.password(), 403);

        http.post().uri("/api/v1/auth/accounts/{id}/reactivate", seller.id().value())
                .header("Authorization", admin.bearer())
                .exchange().expectStatus().isNoContent();
        expectAccess(accounts().login(seller.email(), seller.password()).accessToken(), 200);
    }

    @Test
    void roleChangeTakesEffectOnTheNextTokenAndVoidsOldOnes() {
        Account admin = accounts().admin();
        Account buyer = accounts().register(Role.BUYER);
        http.put().uri("/api/v1/auth/accounts/{id}/role", buyer.id().value()).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "seller"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.role").isEqualTo("seller");
        expectAccess(buyer.accessToken(), 401);
        Map<String, Object> renewed = refresh(buyer.refreshToken(), 200);
        assertThat(renewed).extractingByKey("user").asString().contains("role=seller");
    }

    @Test
    void adminEndpointsNeedAnAdmin() {
        Account seller = accounts().register(Role.SELLER);
        Account other = accounts().register(Role.BUYER);
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", other.id().value()).header("Authorization", seller.bearer())
                .exchange().expectStatus().isForbidden();
        http.put().uri("/api/v1/auth/accounts/{id}/role", seller.id().value()).header("Authorization", seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "admin"))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", other.id().value())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adminActionsOnUnknownAccountsOrThemselves() {
        Account admin = accounts().admin();
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", java.util.UUID.randomUUID())
                .header("Authorization", admin.bearer())
                .exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", admin.id().value()).header("Authorization", admin.bearer())
                .exchange().expectStatus().isEqualTo(409);
        http.put().uri("/api/v1/auth/accounts/{id}/role", admin.id().value()).header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "emperor"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void testAccountsCanMakeAnAdmin() {
        Account admin = accounts().register(Role.ADMIN);
        Account buyer = accounts().register(Role.BUYER);
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", buyer.id().value()).header("Authorization", admin.bearer())
                .exchange().expectStatus().isNoContent();
    }

    // --- helpers ---

    private String currentSessionId(Account account) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = http.get().uri(PROTECTED).header("Authorization", account.bearer())
                .exchange().expectStatus().isOk().returnResult(Map.class).getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data = (List<Map<String, Object>>) body.get("data");
        return data.stream().filter(session -> Boolean.TRUE.equals(session.get("current")))
                .map(session -> (String) session.get("id")).findFirst().orElseThrow();
    }

    private void expectAccess(String accessToken, int status) {
        http.get().uri(PROTECTED).header("Authorization", "Bearer " + accessToken)
                .exchange().expectStatus().isEqualTo(status);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> refresh(String refreshToken, int status) {
        return http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isEqualTo(status)
                .returnResult(Map.class).getResponseBody();
    }

    private void login(String email, String password, int status) {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .body(Map.of("email", email, "password", password))
                .exchange().expectStatus().isEqualTo(status);
    }

    private void changePassword(Account account, String current, String next, int status) {
        http.post().uri("/api/v1/auth/change-password").header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("current_password", current, "new_password", next))
                .exchange().expectStatus().isEqualTo(status);
    }
}
