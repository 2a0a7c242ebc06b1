package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An admin rotates the signing key; tokens of the previous key keep working until they expire. */
@BlytzIntegrationTest
class SigningKeyRotationTests {

    @Autowired
    RestTestClient http;

    @Test
    void rotationSignsWithANewKeyAndKeepsThePreviousOneInTheJwks() throws Exception {
        TestAccounts.Account before = new TestAccounts(http).register(Role.BUYER);
        String oldKid = SignedJWT.parse(before.accessToken()).getHeader().getKeyID();

        String newKid = (String) http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).admin().bearer())
                .exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet jwks = JWKSet.parse(new String(http.get().uri("/.well-known/jwks.json").exchange()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
        assertThat(jwks.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();

        // Tokens of the previous key keep working until they expire; new tokens carry the new key id.
        http.get().uri("/api/v1/auth/sessions").header("Authorization", before.bearer())
                .exchange().expectStatus().isOk();
        TestAccounts.Account after = new TestAccounts(http).login(before.email(), before.password());
        assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
    }

    @Test
    void rotationIsForAdminsOnly() {
        http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).register(Role.SELLER).bearer())
                .exchange().expectStatus().isForbidden();
    }
}
