package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.store.Broadcasts;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A revocation made on one instance bites on every other: through its broadcast, and through the version poll and a
 * rebuild from PostgreSQL when the broadcast is lost. The application context is one instance; the second is a
 * {@link TokenRevocations} of its own on the same Redis and PostgreSQL, with its own copy in memory.
 */
@BlytzIntegrationTest
class RevocationsAcrossInstancesTests {

    private static final Duration WITHIN = Duration.ofSeconds(3);

    @Autowired
    RestTestClient http;

    @Autowired
    TokenRevocations thisInstance;

    @Autowired
    ExpiringStore store;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    RevocationQueries queries;

    @Autowired
    AuthProperties properties;

    @Autowired
    Clock clock;

    private TokenRevocations otherInstance;

    @AfterEach
    void stopOtherInstance() {
        otherInstance.destroy();
    }

    @Test
    void aSessionEndedOnOneInstanceIsRefusedOnAnother() throws Exception {
        otherInstance = new TokenRevocations(store, broadcasts, queries, properties, clock);
        Jwt token = jwt(new TestAccounts(http).register(Role.BUYER));
        assertThat(otherInstance.validate(token).hasErrors()).isFalse();

        thisInstance.denySession(UUID.fromString(token.getClaimAsString("sid")));

        assertThat(eventually(() -> otherInstance.validate(token).hasErrors())).isTrue();
    }

    @Test
    void anAccountRevokedOnOneInstanceIsRefusedOnAnother() throws Exception {
        otherInstance = new TokenRevocations(store, broadcasts, queries, properties, clock);
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Jwt token = jwt(user);
        assertThat(otherInstance.validate(token).hasErrors()).isFalse();

        thisInstance.revokeBefore(user.id(), token.getIssuedAt().plusSeconds(1));

        assertThat(eventually(() -> otherInstance.validate(token).hasErrors())).isTrue();
    }

    @Test
    void aLostBroadcastIsMadeUpFromTheDatabase() throws Exception {
        otherInstance = new TokenRevocations(store, deaf(broadcasts), queries, properties, clock);
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Jwt token = jwt(user);
        assertThat(otherInstance.validate(token).hasErrors()).isFalse();

        // A real logout: the session's revocation is in PostgreSQL, its broadcast never reaches the other instance.
        http.post().uri("/api/v1/auth/logout").header("Authorization", user.bearer())
                .exchange().expectStatus().isNoContent();

        assertThat(eventually(() -> otherInstance.validate(token).hasErrors())).isTrue();
    }

    /** The broadcasts as an instance whose subscription silently lost every message sees them. */
    private static Broadcasts deaf(Broadcasts broadcasts) {
        return new Broadcasts() {
            @Override
            public void publish(String channel, String message) {
                broadcasts.publish(channel, message);
            }

            @Override
            public void subscribe(String channel, Listener listener) {
                broadcasts.subscribe(channel, new Listener() {
                    @Override
                    public void received(String message) {
                    }

                    @Override
                    public void resumed() {
                        listener.resumed();
                    }
                });
            }
        };
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private static Jwt jwt(TestAccounts.Account account) throws Exception {
        var claims = SignedJWT.parse(account.accessToken()).getJWTClaimsSet();
        return Jwt.withTokenValue(account.accessToken()).header("alg", "ES256").subject(claims.getSubject())
                .issuedAt(claims.getIssueTime().toInstant()).expiresAt(claims.getExpirationTime().toInstant())
                .claim("sid", claims.getStringClaim("sid")).build();
    }
}
