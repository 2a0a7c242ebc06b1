package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A process that verifies with auth's JWKS does not start without knowing where that is (ADR 0033). */
class JwksTokenVerificationTests {

    @Test
    void aMissingOrRelativeJwkSetUriStopsTheStartWithItsReason() {
        for (String uri : new String[] {null, "", "/.well-known/jwks.json"}) {
            MockEnvironment environment = new MockEnvironment();
            if (uri != null) {
                environment.setProperty("blytz.auth.jwk-set-uri", uri);
            }
            assertThatThrownBy(() -> new JwksTokenVerification().jwtDecoder(environment, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("blytz.auth.jwk-set-uri (BLYTZ_AUTH_JWK_SET_URI) must be the URL of auth's");
        }
    }
}
