package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An admin rotates the signing key: the new key is published at once and signs only from its activation time on
 * (the test profile's {@code key-activation-delay}, 1 s); tokens of the previous key keep working until they expire.
 */
@BlytzIntegrationTest
class SigningKeyRotationTests {

    @Autowired
    RestTestClient http;

    @Test
    void rotationPublishesTheNewKeyAtOnceSignsWithItFromItsActivationAndKeepsThePreviousOne() throws Exception {
        TestAccounts.Account before = new TestAccounts(http).register(Role.BUYER);
        String oldKid = kidOf(before);

        Instant rotatedAt = Instant.now();
        Map<?, ?> rotation = http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).admin().bearer())
                .exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody();
        String newKid = (String) rotation.get("kid");
        Instant activatesAt = Instant.parse((String) rotation.get("activates_at"));
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(Duration.between(rotatedAt, activatesAt)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));

        JWKSet jwks = jwks();
        assertThat(jwks.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();

        // Until its activation the new key is only published: tokens issued meanwhile carry the previous key.
        TestAccounts.Account meanwhile = new TestAccounts(http).login(before.email(), before.password());
        Instant issuedAt = SignedJWT.parse(meanwhile.accessToken()).getJWTClaimsSet().getIssueTime().toInstant();
        assertThat(kidOf(meanwhile)).isEqualTo(issuedAt.isBefore(activatesAt) ? oldKid : newKid);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), activatesAt).toMillis() + 100));
        TestAccounts.Account after = new TestAccounts(http).login(before.email(), before.password());
        assertThat(kidOf(after)).isEqualTo(newKid);
        // Tokens of the previous key keep working until they expire; the previous key stays published.
        http.get().uri("/api/v1/auth/sessions").header("Authorization", before.bearer())
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/auth/sessions").header("Authorization", after.bearer())
                .exchange().expectStatus().isOk();
        assertThat(jwks().getKeyByKeyId(oldKid)).isNotNull();
    }

    @Test
    void rotationIsForAdminsOnly() {
        http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).register(Role.SELLER).bearer())
                .exchange().expectStatus().isForbidden();
    }

    private JWKSet jwks() throws Exception {
        return JWKSet.parse(new String(http.get().uri("/.well-known/jwks.json").exchange()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
    }

    private static String kidOf(TestAccounts.Account account) throws Exception {
        return SignedJWT.parse(account.accessToken()).getHeader().getKeyID();
    }
}
