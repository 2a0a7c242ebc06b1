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
 * that key signs. Rotation stages a new key: it is in the JWKS at once but signs only after
 * {@code keyActivationDelay}, when the active key retires, so that a verifier in another process that caches the
 * JWK Set has it before it meets a token of it (ADR 0033). A generated key is rotated by {@link #rotate()}; a
 * configured one by configuring the next key beside it ({@code BLYTZ_AUTH_NEXT_SIGNING_KEY}), which the first start
 * that sees it stages the same way. A retired key stays in the JWKS (and verifies) until every token it signed has
 * expired. Each instance re-reads the table every {@code keyRefresh}, and at once (rate-limited) when a token names a
 * key it does not know, so a key another instance just rotated in is accepted. See ADR 0007.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    /** A key that can sign (its private part known here) from {@code from} until {@code until}. */
    private record Signer(ECKey key, Instant from, @Nullable Instant until) {

        boolean signsAt(Instant now) {
            return !from.isAfter(now) && (until == null || until.isAfter(now));
        }
    }

    /** The signers newest first; which of them signs is decided at each use, so a staged key takes over on time. */
    private record Snapshot(List<Signer> signers, JWKSet verification, Instant loadedAt) {
    }

    /** A staged key: its id, and when it starts signing. */
    record Staged(String kid, Instant activatesAt) {
    }

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final @Nullable ECKey configured;
    private final @Nullable ECKey configuredNext;
    private final Duration verificationGrace;
    private final Duration refresh;
    private final Duration activationDelay;
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
        if (configured == null && StringUtils.hasText(properties.nextSigningKey())) {
            throw new IllegalStateException("blytz.auth.next-signing-key (BLYTZ_AUTH_NEXT_SIGNING_KEY) is the successor "
                    + "of a configured blytz.auth.signing-key (BLYTZ_AUTH_SIGNING_KEY), which is not set");
        }
        ECKey next = StringUtils.hasText(properties.nextSigningKey())
                ? ConfiguredSigningKey.parse(properties.nextSigningKey(),
                        "blytz.auth.next-signing-key (BLYTZ_AUTH_NEXT_SIGNING_KEY)") : null;
        // The next key configured as the signing key too: promoted, nothing left to stage.
        this.configuredNext = next != null && !next.getKeyID().equals(configured.getKeyID()) ? next : null;
        this.verificationGrace = properties.accessTokenLifetime().plus(properties.clockSkew());
        this.refresh = properties.keyRefresh();
        this.activationDelay = properties.keyActivationDelay();
        transactions.executeWithoutResult(status -> activateAtStart());
        this.snapshot = load();
    }

    /**
     * The private key that signs new tokens now. Before the first key's start (another instance's clock ahead of
     * this one's) that key.
     */
    ECKey signingKey() {
        Instant now = clock.instant();
        List<Signer> signers = current().signers();
        return signers.stream().filter(signer -> signer.signsAt(now)).findFirst().orElse(signers.getLast()).key();
    }

    /**
     * The public keys that verify tokens: the active key, a staged key that will sign soon, and retired keys whose
     * tokens may still be valid.
     */
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

    /**
     * Stages a new key: published from now on, signing from {@code keyActivationDelay} on, when the key that would
     * sign until then retires. Only for generated keys. A rotation while a key is staged stages one more after it.
     */
    Staged rotate() {
        if (configured != null) {
            throw new ConflictException("The signing key comes from BLYTZ_AUTH_SIGNING_KEY; rotate it by "
                    + "configuring the new key in BLYTZ_AUTH_NEXT_SIGNING_KEY and restarting");
        }
        ECKey key = generate();
        Instant now = clock.instant();
        Instant activatesAt = now.plus(activationDelay);
        transactions.executeWithoutResult(status -> {
            repository.lock();
            repository.retireActive(activatesAt);
            repository.insert(key, true, now, activatesAt);
        });
        this.snapshot = load();
        log.info("Signing key {} published; it signs from {}", key.getKeyID(), activatesAt);
        return new Staged(key.getKeyID(), activatesAt);
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
        List<SigningKeyRepository.StoredKey> stored = repository.all();
        Optional<SigningKeyRepository.StoredKey> openKey = stored.stream().filter(key -> key.retiredAt() == null)
                .findFirst();
        String open = openKey.map(SigningKeyRepository.StoredKey::kid).orElse(null);
        Instant now = clock.instant();
        if (configured != null) {
            String current = configured.getKeyID();
            boolean staged = configuredNext != null && configuredNext.getKeyID().equals(open)
                    && stored.stream().anyMatch(key -> key.kid().equals(current));
            if (!current.equals(open) && !staged) {
                // A configured key the table does not have yet: it signs from now on.
                repository.retireActive(now);
                repository.delete(current);
                repository.insert(configured, false, now, now);
                open = current;
                log.info("Signing with the configured key {}", current);
            }
            if (configuredNext != null && !configuredNext.getKeyID().equals(open)) {
                Instant activatesAt = now.plus(activationDelay);
                repository.retireActive(activatesAt);
                repository.delete(configuredNext.getKeyID());
                repository.insert(configuredNext, false, now, activatesAt);
                log.info("Configured next signing key {} published; it signs from {}", configuredNext.getKeyID(),
                        activatesAt);
            }
        } else if (openKey.isEmpty() || openKey.get().privateKey() == null) {
            // No key yet, or the open one was configured and is no longer: generate one.
            repository.retireActive(now);
            ECKey generated = generate();
            repository.insert(generated, true, now, now);
            log.info("Generated signing key {} and stored it in auth.signing_keys", generated.getKeyID());
        }
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<JWK> verification = new ArrayList<>();
        List<Signer> signers = new ArrayList<>();
        for (SigningKeyRepository.StoredKey key : repository.all()) {
            if (key.retiredAt() == null || key.retiredAt().plus(verificationGrace).isAfter(now)) {
                verification.add(key.publicKey());
            }
            ECKey signing = privateKeyOf(key);
            if (signing != null) {
                signers.add(new Signer(signing, key.activatesAt(), key.retiredAt()));
            }
        }
        if (configured != null && signers.isEmpty()) {
            // Another instance configured with other keys has rewritten the table: this one signs with its own.
            signers.add(new Signer(configured, Instant.MIN, null));
            verification.add(configured.toPublicJWK());
        }
        if (signers.isEmpty()) {
            throw new IllegalStateException("No signing key with a private part in auth.signing_keys");
        }
        return new Snapshot(List.copyOf(signers), new JWKSet(verification), now);
    }

    /** The private part of a stored key: from the table for a generated key, from the configuration otherwise. */
    private @Nullable ECKey privateKeyOf(SigningKeyRepository.StoredKey key) {
        if (configured == null) {
            return key.privateKey();
        }
        if (key.kid().equals(configured.getKeyID())) {
            return configured;
        }
        return configuredNext != null && key.kid().equals(configuredNext.getKeyID()) ? configuredNext : null;
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
