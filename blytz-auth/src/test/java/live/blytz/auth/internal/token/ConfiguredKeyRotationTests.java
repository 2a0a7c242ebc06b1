package live.blytz.auth.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import live.blytz.BlytzIntegrationTest;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.TestAuthProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating a configured key (production's case, ADR 0033): the next key configured beside it
 * ({@code BLYTZ_AUTH_NEXT_SIGNING_KEY}) is published by the first start that sees it and signs only after the
 * activation delay; then it can be promoted to {@code BLYTZ_AUTH_SIGNING_KEY}. Each "start" is a new
 * {@link SigningKeys} on the real table, at a chosen time, inside a transaction that is rolled back, so the shared
 * test database keeps its own keys.
 */
@BlytzIntegrationTest
class ConfiguredKeyRotationTests {

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aConfiguredNextKeyIsPublishedAtOnceSignsAfterTheActivationDelayAndCanThenBePromoted() throws Exception {
        ECKey current = newKey();
        ECKey next = newKey();
        Instant start = Instant.now();
        Duration delay = TestAuthProperties.withSigningKeys(current.toJSONString(), null).keyActivationDelay();

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(start(current, null, start).signingKey().getKeyID()).isEqualTo(current.getKeyID());

            SigningKeys staging = start(current, next, start.plusSeconds(1));
            assertThat(staging.signingKey().getKeyID()).isEqualTo(current.getKeyID());
            assertThat(staging.verificationKeys().getKeyByKeyId(next.getKeyID())).isNotNull();
            assertThat(staging.verificationKeys().getKeyByKeyId(current.getKeyID())).isNotNull();
            // Another start with the same settings before the activation changes nothing.
            assertThat(start(current, next, start.plusSeconds(30)).signingKey().getKeyID())
                    .isEqualTo(current.getKeyID());

            Instant activated = start.plusSeconds(1).plus(delay).plusMillis(1);
            assertThat(start(current, next, activated).signingKey().getKeyID()).isEqualTo(next.getKeyID());
            // Promoted: the next key is the signing key; the previous one stays published for its tokens.
            SigningKeys promoted = start(next, null, activated.plusSeconds(60));
            assertThat(promoted.signingKey().getKeyID()).isEqualTo(next.getKeyID());
            assertThat(promoted.verificationKeys().getKeyByKeyId(current.getKeyID())).isNotNull();
        });
    }

    @Test
    void aNextKeyWithoutAConfiguredSigningKeyStopsTheStart() throws Exception {
        ECKey next = newKey();
        AuthProperties properties = TestAuthProperties.withSigningKeys(null, next.toJSONString());
        assertThatThrownBy(() -> new SigningKeys(repository, transactions, properties, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BLYTZ_AUTH_NEXT_SIGNING_KEY").hasMessageContaining("is not set");
    }

    private SigningKeys start(ECKey signingKey, @Nullable ECKey nextSigningKey, Instant at) {
        AuthProperties properties = TestAuthProperties.withSigningKeys(signingKey.toJSONString(),
                nextSigningKey == null ? null : nextSigningKey.toJSONString());
        return new SigningKeys(repository, transactions, properties, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
    }
}
