package live.blytz.auth.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the signing key configured in {@code BLYTZ_AUTH_SIGNING_KEY}: a private EC P-256 JWK, or a PEM private
 * key as {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256} writes it (PKCS#8, or SEC1
 * {@code EC PRIVATE KEY}), which carries the public point too. A key that cannot sign and verify is refused
 * at start-up, never at the first login.
 */
final class ConfiguredSigningKey {

    // DER markers inside an ECPrivateKey (RFC 5915): version 1 + 32-byte private scalar; 65-byte uncompressed point.
    private static final byte[] PRIVATE_SCALAR = {0x02, 0x01, 0x01, 0x04, 0x20};
    private static final byte[] PUBLIC_POINT = {0x03, 0x42, 0x00, 0x04};

    private ConfiguredSigningKey() {
    }

    static ECKey parse(String configured) {
        return parse(configured, "blytz.auth.signing-key (BLYTZ_AUTH_SIGNING_KEY)");
    }

    /** Reads a key configured in {@code setting} (its name and variable, for the messages). */
    static ECKey parse(String configured, String setting) {
        String text = configured.strip();
        ECKey key;
        try {
            key = text.startsWith("{") ? fromJwk(text) : fromPem(text);
        } catch (ParseException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException(setting + " is not a private EC P-256 key in PEM or JWK form: "
                    + e.getMessage());
        }
        proveKeyPair(key, setting);
        return key;
    }

    private static ECKey fromJwk(String json) throws ParseException, JOSEException {
        if (!(JWK.parse(json) instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalArgumentException("the JWK must be a private EC key on P-256");
        }
        return complete(new ECKey.Builder(ec.getCurve(), ec.getX(), ec.getY()).d(ec.getD()));
    }

    private static ECKey fromPem(String pem) throws JOSEException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----") && !pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new IllegalArgumentException("expected a PEM private key (BEGIN PRIVATE KEY or BEGIN EC PRIVATE KEY)");
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        int scalar = indexOf(der, PRIVATE_SCALAR);
        int point = indexOf(der, PUBLIC_POINT);
        if (scalar < 0 || point < 0 || point + PUBLIC_POINT.length + 64 > der.length) {
            throw new IllegalArgumentException("the PEM key must be an EC P-256 private key that includes its public key");
        }
        int d = scalar + PRIVATE_SCALAR.length;
        int x = point + PUBLIC_POINT.length;
        return complete(new ECKey.Builder(Curve.P_256,
                Base64URL.encode(Arrays.copyOfRange(der, x, x + 32)),
                Base64URL.encode(Arrays.copyOfRange(der, x + 32, x + 64)))
                .d(Base64URL.encode(Arrays.copyOfRange(der, d, d + 32))));
    }

    private static ECKey complete(ECKey.Builder builder) throws JOSEException {
        return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint().build();
    }

    /** Signs and verifies a probe, so that a private key that does not belong to its public key fails now. */
    private static void proveKeyPair(ECKey key, String setting) {
        try {
            JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("probe"));
            probe.sign(new ECDSASigner(key));
            if (!probe.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                throw new IllegalStateException(setting + ": the private key does not match its public key");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException(setting + " cannot sign: " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
