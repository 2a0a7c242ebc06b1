package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revoked access tokens stay revoked: for as long as the token could be accepted (its expiry plus the clock skew),
 * for every token of an ended session (a lost refresh race included), and when Redis loses its revocation state.
 */
@BlytzIntegrationTest
class RevocationTests {

    private static final String PROTECTED = "/api/v1/auth/sessions";

    @Autowired
    RestTestClient http;

    @Autowired
    SigningKeys keys;

    @Autowired
    AuthProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** The application's own Redis client, on the database index of its configuration ({@code blytz.redis.url}). */
    @Autowired
    RedissonClient redis;

    @Test
    void aLoggedOutTokenStaysRefusedThroughoutTheClockSkewAfterItsExpiry() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        // A token of the user's session that expired 5 seconds ago: within the 30 s skew, so still accepted.
        Instant expired = Instant.now().minusSeconds(5);
        String token = sign(user, sessionId(user.accessToken()), expired.minus(properties.accessTokenLifetime()), expired);
        expectAccess(token, 200);

        http.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isNoContent();
        expectAccess(token, 401);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theLoserOfARefreshRaceRevokesTheWinnersNewAccessTokenToo() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        String tokenHash = Secrets.hash(user.refreshToken());
        List<CompletableFuture<EntityExchangeResult<Map>>> refreshes = new ArrayList<>();
        // Hold the refresh token's row, so that both refreshes read it as unspent and then queue for it.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT token_hash FROM auth.refresh_tokens WHERE token_hash = :hash FOR UPDATE")
                    .param("hash", tokenHash).query(String.class).single();
            for (int i = 0; i < 2; i++) {
                refreshes.add(CompletableFuture.supplyAsync(() -> http.post().uri("/api/v1/auth/refresh")
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("refresh_token", user.refreshToken()))
                        .exchange().returnResult(Map.class)));
            }
            awaitWaitingForRowLock(2);
        });
        List<EntityExchangeResult<Map>> results = refreshes.stream().map(CompletableFuture::join).toList();

        assertThat(results).extracting(result -> result.getStatus().value()).containsExactlyInAnyOrder(200, 401);
        Map<?, ?> winner = results.stream().filter(result -> result.getStatus().value() == 200).findFirst()
                .orElseThrow().getResponseBody();
        // The loser presented a token that was spent meanwhile: the session is revoked, with every access token.
        expectAccess((String) winner.get("access_token"), 401);
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", winner.get("refresh_token")))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void revocationsSurviveAFlushOfRedis() {
        TestAccounts accounts = new TestAccounts(http);
        TestAccounts.Account loggedOut = accounts.register(Role.BUYER);
        http.post().uri("/api/v1/auth/logout").header("Authorization", loggedOut.bearer())
                .exchange().expectStatus().isNoContent();
        TestAccounts.Account endedSession = accounts.register(Role.BUYER);
        TestAccounts.Account otherDevice = accounts.login(endedSession.email(), endedSession.password());
        http.delete().uri("/api/v1/auth/sessions/{id}", sessionId(endedSession.accessToken()))
                .header("Authorization", otherDevice.bearer())
                .exchange().expectStatus().isNoContent();
        TestAccounts.Account suspended = accounts.register(Role.SELLER);
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", suspended.id().value())
                .header("Authorization", accounts.admin().bearer())
                .exchange().expectStatus().isNoContent();
        TestAccounts.Account untouched = accounts.register(Role.BUYER);
        List.of(loggedOut, endedSession, suspended).forEach(account -> expectAccess(account.accessToken(), 401));

        // Fault drill: Redis loses everything (FLUSHDB of the application's database only).
        redis.getKeys().flushdb();

        List.of(loggedOut, endedSession, suspended).forEach(account -> expectAccess(account.accessToken(), 401));
        expectAccess(untouched.accessToken(), 200);
        expectAccess(otherDevice.accessToken(), 200);
    }

    private void awaitWaitingForRowLock(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            // Activity views are a snapshot per transaction: take a fresh one each time.
            jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
            long waiting = jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                      AND query LIKE 'UPDATE auth.refresh_tokens SET spent_at%'""")
                    .query(Long.class).single();
            if (waiting >= count) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The refreshes did not queue for the refresh token's row");
    }

    private String sign(TestAccounts.Account user, String sessionId, Instant issuedAt, Instant expiresAt)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .audience(properties.audience())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("buyer"))
                .claim("sid", sessionId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.signingKey().getKeyID())
                .type(new JOSEObjectType(AccessTokens.TYPE)).build(), claims);
        jwt.sign(new ECDSASigner(keys.signingKey()));
        return jwt.serialize();
    }

    private static String sessionId(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expectAccess(String accessToken, int status) {
        http.get().uri(PROTECTED).header("Authorization", "Bearer " + accessToken)
                .exchange().expectStatus().isEqualTo(status);
    }
}
