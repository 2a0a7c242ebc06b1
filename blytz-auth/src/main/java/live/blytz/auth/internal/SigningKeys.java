package live.blytz.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import live.blytz.sharedkernel.error.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private record StoredKey(String kid, ECKey publicKey, @Nullable ECKey privateKey, @Nullable Instant retiredAt) {
    }

    private record Snapshot(ECKey signing, JWKSet verification, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final @Nullable ECKey configured;
    private final Duration verificationGrace;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;
    private @Nullable Instant lastUnknownKidReload;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, AuthProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
    public JWKSet verificationKeys() {
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
    public String rotate() {
        if (configured != null) {
            throw new ConflictException("The signing key comes from BLYTZ_AUTH_SIGNING_KEY; rotate it by "
                    + "configuring a new key and restarting");
        }
        transactions.executeWithoutResult(status -> {
            lockTable();
            Instant now = clock.instant();
            jdbc.sql("UPDATE auth.signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                    .param("now", Timestamp.from(now)).update();
            insert(generate(), "generated", now);
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
        lockTable();
        Optional<StoredKey> active = keys().stream().filter(key -> key.retiredAt() == null).findFirst();
        Instant now = clock.instant();
        if (configured != null) {
            if (active.isEmpty() || !active.get().kid().equals(configured.getKeyID())) {
                jdbc.sql("UPDATE auth.signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                        .param("now", Timestamp.from(now)).update();
                jdbc.sql("DELETE FROM auth.signing_keys WHERE kid = :kid").param("kid", configured.getKeyID()).update();
                insert(configured, "configured", now);
                log.info("Signing with the configured key {}", configured.getKeyID());
            }
        } else if (active.isEmpty() || active.get().privateKey() == null) {
            // No key yet, or the active one was configured and is no longer: generate one.
            jdbc.sql("UPDATE auth.signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                    .param("now", Timestamp.from(now)).update();
            ECKey generated = generate();
            insert(generated, "generated", now);
            log.info("Generated signing key {} and stored it in auth.signing_keys", generated.getKeyID());
        }
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<StoredKey> keys = keys();
        List<JWK> verification = new ArrayList<>();
        ECKey signing = configured;
        for (StoredKey key : keys) {
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

    private List<StoredKey> keys() {
        return jdbc.sql("SELECT kid, public_jwk, private_jwk, retired_at FROM auth.signing_keys ORDER BY created_at DESC")
                .query((rs, row) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    String privateJwk = rs.getString("private_jwk");
                    return new StoredKey(rs.getString("kid"), parse(rs.getString("public_jwk")),
                            privateJwk == null ? null : parse(privateJwk),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private void insert(ECKey key, String source, Instant now) {
        jdbc.sql("""
                INSERT INTO auth.signing_keys (kid, public_jwk, private_jwk, source, created_at)
                VALUES (:kid, :publicJwk, :privateJwk, :source, :now)""")
                .param("kid", key.getKeyID())
                .param("publicJwk", key.toPublicJWK().toJSONString())
                .param("privateJwk", "generated".equals(source) ? key.toJSONString() : null)
                .param("source", source)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Start-up and rotation of several instances at once: one at a time, so that exactly one key is active. */
    private void lockTable() {
        jdbc.sql("LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE").update();
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("auth.signing_keys holds a key that is not an EC JWK", e);
        }
    }
}
