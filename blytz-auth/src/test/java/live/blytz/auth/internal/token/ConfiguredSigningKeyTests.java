package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

/** BLYTZ_AUTH_SIGNING_KEY in the forms openssl and JWK tools write, and what is refused at start-up. */
class ConfiguredSigningKeyTests {

    // Test-only keys, made with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` and
    // `openssl ecparam -name prime256v1 -genkey -noout`.
    private static final String PKCS8 = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgibP6WJpzx8/8NHzf
            xB5WRanXqAN6GH9cOdzB68DxGQ2hRANCAAR2VD+Iy59f7cEi06/QKdDvZ4kv5vlw
            gqa1oYupKitJOiXamej7/zk6lYnc/U0FZLIKyozhHHERzLI5fECWwPwz
            -----END PRIVATE KEY-----
            """;
    private static final String SEC1 = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIOpgrXBCOqiPyRB/ojF4PVOTJIE1nJLoI+IY3wnMwcMVoAoGCCqGSM49
            AwEHoUQDQgAEvCgShjJWxnRsKrxmDzom3DGMczMJeOfeNFOme87MtmzZvgubhkW3
            QQ91Cypllbss0BMfzS0PBo1b8iA5tsOlWw==
            -----END EC PRIVATE KEY-----
            """;

    @Test
    void readsPkcs8Pem() {
        ECKey key = ConfiguredSigningKey.parse(PKCS8);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyID()).isNotBlank();
    }

    @Test
    void readsSec1Pem() {
        assertThat(ConfiguredSigningKey.parse(SEC1).isPrivate()).isTrue();
    }

    @Test
    void readsAPrivateJwkAndDerivesTheKeyIdFromItsThumbprint() throws Exception {
        ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
        ECKey key = ConfiguredSigningKey.parse(generated.toJSONString());
        assertThat(key.getKeyID()).isEqualTo(generated.computeThumbprint().toString());
        assertThat(key.toPublicJWK()).isEqualTo(new ECKey.Builder(generated.toPublicJWK()).keyID(key.getKeyID())
                .keyUse(key.getKeyUse()).algorithm(key.getAlgorithm()).build());
    }

    @Test
    void refusesAPublicKeyAnotherCurveAndGarbage() throws Exception {
        ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> ConfiguredSigningKey.parse(generated.toPublicJWK().toJSONString()))
                .hasMessageContaining("BLYTZ_AUTH_SIGNING_KEY");
        assertThatThrownBy(() -> ConfiguredSigningKey.parse(new ECKeyGenerator(Curve.P_384).generate().toJSONString()))
                .hasMessageContaining("BLYTZ_AUTH_SIGNING_KEY");
        assertThatThrownBy(() -> ConfiguredSigningKey.parse("changeme")).hasMessageContaining("BLYTZ_AUTH_SIGNING_KEY");
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() throws Exception {
        ECKey one = new ECKeyGenerator(Curve.P_256).generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        String mismatched = new ECKey.Builder(Curve.P_256, one.getX(), one.getY()).d(other.getD()).build().toJSONString();
        assertThatThrownBy(() -> ConfiguredSigningKey.parse(mismatched)).isInstanceOf(IllegalStateException.class);
    }
}
