package live.blytz.auth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An account's sessions are capped; ended sessions and spent refresh tokens are purged on a schedule. */
@BlytzIntegrationTest
class SessionLimitAndPurgeTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthProperties properties;

    @Test
    void openingASessionBeyondTheLimitEndsTheLeastRecentlyUsedOne() {
        int limit = properties.sessions().maxPerAccount();
        TestAccounts accounts = new TestAccounts(http);
        TestAccounts.Account first = accounts.register(Role.BUYER);
        List<TestAccounts.Account> sessions = new ArrayList<>(List.of(first));
        while (sessions.size() < limit) {
            sessions.add(accounts.login(first.email(), first.password()));
        }
        // The oldest session is in use: refreshing it makes the second one the least recently used.
        Map<?, ?> refreshed = refresh(first.refreshToken(), 200);
        TestAccounts.Account leastRecentlyUsed = sessions.get(1);

        TestAccounts.Account newest = accounts.login(first.email(), first.password());

        expectAccess(leastRecentlyUsed.accessToken(), 401);
        refresh(leastRecentlyUsed.refreshToken(), 401);
        expectAccess((String) refreshed.get("access_token"), 200);
        expectAccess(sessions.get(2).accessToken(), 200);
        http.get().uri("/api/v1/auth/sessions").header("Authorization", newest.bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.pagination.total").isEqualTo(limit);
    }

    @Test
    void theScheduledPurgeDeletesEndedSessionsAndSpentRefreshTokens() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        String spentLongAgo = user.refreshToken();
        String spentRecently = (String) refresh(spentLongAgo, 200).get("refresh_token");
        String live = (String) refresh(spentRecently, 200).get("refresh_token");
        TestAccounts.Account ended = new TestAccounts(http).login(user.email(), user.password());
        http.post().uri("/api/v1/auth/logout").header("Authorization", ended.bearer())
                .exchange().expectStatus().isNoContent();
        // Older than the idle timeout (7 days): the token spent then, the session ended then.
        jdbc.sql("UPDATE auth.refresh_tokens SET spent_at = now() - interval '8 days' WHERE token_hash = :hash")
                .param("hash", Secrets.hash(spentLongAgo)).update();
        jdbc.sql("UPDATE auth.sessions SET revoked_at = now() - interval '8 days' WHERE id = :id")
                .param("id", java.util.UUID.fromString(sessionId(ended))).update();

        // The test profile purges every second.
        awaitGone("SELECT count(*) FROM auth.refresh_tokens WHERE token_hash = :hash", Secrets.hash(spentLongAgo));
        awaitGone("SELECT count(*) FROM auth.sessions WHERE id = CAST(:hash AS uuid)", sessionId(ended));

        // A purged spent token is unknown: refused, but it no longer ends the session ...
        refresh(spentLongAgo, 401);
        String next = (String) refresh(live, 200).get("refresh_token");
        // ... while a token spent within the idle timeout still counts as reuse and ends it.
        refresh(spentRecently, 401);
        refresh(next, 401);
    }

    private void awaitGone(String countQuery, String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (jdbc.sql(countQuery).param("hash", key).query(Long.class).single() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not purged within 15 s: " + countQuery);
            }
            Thread.sleep(100);
        }
    }

    private static String sessionId(TestAccounts.Account account) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(account.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<?, ?> refresh(String refreshToken, int status) {
        return http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isEqualTo(status)
                .returnResult(Map.class).getResponseBody();
    }

    private void expectAccess(String accessToken, int status) {
        http.get().uri("/api/v1/auth/sessions").header("Authorization", "Bearer " + accessToken)
                .exchange().expectStatus().isEqualTo(status);
    }
}
