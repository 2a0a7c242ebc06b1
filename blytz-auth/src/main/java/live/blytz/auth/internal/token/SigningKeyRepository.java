package live.blytz.auth.internal.token;

import com.nimbusds.jose.jwk.ECKey;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code auth.signing_keys}: public JWKs of every key still needed, private JWKs of generated ones only
 * (a configured key stays in the configuration). At most one key has no retirement time: the one that signs, or the
 * staged one that will sign after it.
 */
@Repository
class SigningKeyRepository {

    /** A key signs from {@code activatesAt} until {@code retiredAt}; it is published from its creation on. */
    record StoredKey(String kid, ECKey publicKey, @Nullable ECKey privateKey, Instant activatesAt,
            @Nullable Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every key, newest first. */
    List<StoredKey> all() {
        return jdbc.sql("""
                SELECT kid, public_jwk, private_jwk, activates_at, retired_at FROM auth.signing_keys
                ORDER BY created_at DESC""")
                .query((rs, row) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    String privateJwk = rs.getString("private_jwk");
                    return new StoredKey(rs.getString("kid"), parse(rs.getString("public_jwk")),
                            privateJwk == null ? null : parse(privateJwk), rs.getTimestamp("activates_at").toInstant(),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    /** Ends the signing of the key that has no end yet (the active or the staged one) at {@code at}. */
    void retireActive(Instant at) {
        jdbc.sql("UPDATE auth.signing_keys SET retired_at = :at WHERE retired_at IS NULL")
                .param("at", Timestamp.from(at)).update();
    }

    void delete(String kid) {
        jdbc.sql("DELETE FROM auth.signing_keys WHERE kid = :kid").param("kid", kid).update();
    }

    /**
     * Stores a key, published from {@code now} and signing from {@code activatesAt}; the private part only if it was
     * generated here.
     */
    void insert(ECKey key, boolean generated, Instant now, Instant activatesAt) {
        jdbc.sql("""
                INSERT INTO auth.signing_keys (kid, public_jwk, private_jwk, source, created_at, activates_at)
                VALUES (:kid, :publicJwk, :privateJwk, :source, :now, :activatesAt)""")
                .param("kid", key.getKeyID())
                .param("publicJwk", key.toPublicJWK().toJSONString())
                .param("privateJwk", generated ? key.toJSONString() : null)
                .param("source", generated ? "generated" : "configured")
                .param("now", Timestamp.from(now))
                .param("activatesAt", Timestamp.from(activatesAt))
                .update();
    }

    /** Start-up and rotation of several instances at once: one at a time, so that exactly one key is active. */
    void lock() {
        jdbc.sql("LOCK TABLE auth.signing_keys IN EXCLUSIVE MODE").update();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("auth.signing_keys holds a key that is not an EC JWK", e);
        }
    }
}
