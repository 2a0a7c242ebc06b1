package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** A token's signature is checked once in its life; its expiry and its revocation are checked on every use. */
class VerifiedTokenCacheTests {

    private final ECKey key = generateKey();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final VerifiedTokenCache tokens = new VerifiedTokenCache(countingVerifier(), jwt -> revoked.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The access token was revoked", null))
            : OAuth2TokenValidatorResult.success(), clock, 100);

    @Test
    void aTokenIsVerifiedOnceAndRecognisedAfterwards() throws Exception {
        String first = sign("first");
        String second = sign("second");

        tokens.decode(first);
        tokens.decode(first);
        tokens.decode(second);

        assertThat(tokens.decode(first).getSubject()).isEqualTo("first");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItIsRevoked() throws Exception {
        String token = sign("user");
        tokens.decode(token);

        revoked.set(true);

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAndRefusedOnceItHasExpired() throws Exception {
        String token = sign("user");
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTamperedTokenIsNeverTakenForTheOneItCopies() throws Exception {
        String token = sign("user");
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(Exception.class);
        assertThat(verifications).hasValue(2);
    }

    private String sign(String subject) throws Exception {
        Instant now = clock.instant();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private JwtDecoder countingVerifier() {
        try {
            JWKSet keys = new JWKSet(key.toPublicJWK());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource((selector, context) -> selector.select(keys))
                    .jwsAlgorithm(SignatureAlgorithm.ES256).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
            timestamps.setClock(clock);
            decoder.setJwtValidator(timestamps);
            return token -> {
                verifications.incrementAndGet();
                return decoder.decode(token);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
