package live.blytz.auth.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.error.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The ES256 keys that sign and verify access tokens, kept in {@code auth.signing_keys} so that restarts and all
 * instances share them. Without {@code BLYTZ_AUTH_SIGNING_KEY} a key is generated at the first start; with it,
 * that key signs. Rotation retires the active key: a retired key stays in the JWKS (and verifies) until every
 * token it signed has expired. Each instance re-reads the table every {@code keyRefresh}, and at once (rate-limited)
 * when a token names a key it does not know, so a key another instance just rotated in is accepted. See ADR 0007.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private record Snapshot(ECKey signing, JWKSet verification, Instant loadedAt) {
    }

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final @Nullable ECKey configured;
    private final Duration verificationGrace;
    private final Duration refresh;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private @Nullable Instant lastUnknownKidReload;

    SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, AuthProperties properties,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.configured = StringUtils.hasText(properties.signingKey())
                ? ConfiguredSigningKey.parse(properties.signingKey()) : null;
        this.verificationGrace = properties.accessTokenLifetime().plus(properties.clockSkew());
        this.refresh = properties.keyRefresh();
        transactions.executeWithoutResult(status -> activateAtStart());
        this.snapshot = load();
    }

    /** The private key that signs new tokens. */
    ECKey signingKey() {
        return current().signing();
    }

    /** The public keys that verify tokens: the active key and retired keys whose tokens may still be valid. */
    JWKSet verificationKeys() {
        return current().verification();
    }

    /**
     * The verification keys after re-reading the table, for a token whose {@code kid} is unknown here: another
     * instance may just have rotated. At most one such re-read per {@code UNKNOWN_KID_RELOAD_INTERVAL}, so tokens
     * with made-up key ids cannot make every request a database query.
     */
    JWKSet verificationKeysAfterUnknownKid() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastUnknownKidReload == null || lastUnknownKidReload.plus(UNKNOWN_KID_RELOAD_INTERVAL).isBefore(now)) {
                lastUnknownKidReload = now;
                snapshot = load();
            }
            return snapshot.verification();
        }
    }

    /** Retires the active key and starts signing with a new one. Only for generated keys. */
    String rotate() {
        if (configured != null) {
            throw new ConflictException("The signing key comes from BLYTZ_AUTH_SIGNING_KEY; rotate it by "
                    + "configuring a new key and restarting");
        }
        transactions.executeWithoutResult(status -> {
            repository.lock();
            Instant now = clock.instant();
            repository.retireActive(now);
            repository.insert(generate(), true, now);
        });
        this.snapshot = load();
        String kid = snapshot.signing().getKeyID();
        log.info("Signing key rotated; new key id {}", kid);
        return kid;
    }

    private Snapshot current() {
        Snapshot loaded = snapshot;
        if (loaded.loadedAt().plus(refresh).isBefore(clock.instant())) {
            synchronized (this) {
                if (snapshot == loaded) {
                    snapshot = load();
                }
                return snapshot;
            }
        }
        return loaded;
    }

    private void activateAtStart() {
        repository.lock();
        Optional<SigningKeyRepository.StoredKey> active = repository.all().stream()
                .filter(key -> key.retiredAt() == null).findFirst();
        Instant now = clock.instant();
        if (configured != null) {
            if (active.isEmpty() || !active.get().kid().equals(configured.getKeyID())) {
                repository.retireActive(now);
                repository.delete(configured.getKeyID());
                repository.insert(configured, false, now);
                log.info("Signing with the configured key {}", configured.getKeyID());
            }
        } else if (active.isEmpty() || active.get().privateKey() == null) {
            // No key yet, or the active one was configured and is no longer: generate one.
            repository.retireActive(now);
            ECKey generated = generate();
            repository.insert(generated, true, now);
            log.info("Generated signing key {} and stored it in auth.signing_keys", generated.getKeyID());
        }
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<JWK> verification = new ArrayList<>();
        ECKey signing = configured;
        for (SigningKeyRepository.StoredKey key : repository.all()) {
            if (key.retiredAt() == null) {
                if (signing == null) {
                    signing = key.privateKey();
                }
                verification.add(key.publicKey());
            } else if (key.retiredAt().plus(verificationGrace).isAfter(now)) {
                verification.add(key.publicKey());
            }
        }
        if (configured != null && verification.stream().noneMatch(k -> k.getKeyID().equals(configured.getKeyID()))) {
            verification.add(configured.toPublicJWK());
        }
        if (signing == null) {
            throw new IllegalStateException("No active signing key with a private part in auth.signing_keys");
        }
        return new Snapshot(signing, new JWKSet(verification), now);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }
}
