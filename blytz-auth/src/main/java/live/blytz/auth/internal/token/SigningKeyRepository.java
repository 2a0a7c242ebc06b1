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
 * (a configured key stays in the configuration). At most one key is active (not retired).
 */
@Repository
class SigningKeyRepository {

    record StoredKey(String kid, ECKey publicKey, @Nullable ECKey privateKey, @Nullable Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every key, newest first. */
    List<StoredKey> all() {
        return jdbc.sql("""
                SELECT kid, public_jwk, private_jwk, retired_at FROM auth.signing_keys ORDER BY created_at DESC""")
                .query((rs, row) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    String privateJwk = rs.getString("private_jwk");
                    return new StoredKey(rs.getString("kid"), parse(rs.getString("public_jwk")),
                            privateJwk == null ? null : parse(privateJwk),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    void retireActive(Instant now) {
        jdbc.sql("UPDATE auth.signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                .param("now", Timestamp.from(now)).update();
    }

    void delete(String kid) {
        jdbc.sql("DELETE FROM auth.signing_keys WHERE kid = :kid").param("kid", kid).update();
    }

    /** Stores a key as the active one; the private part only if it was generated here. */
    void insert(ECKey key, boolean generated, Instant now) {
        jdbc.sql("""
                INSERT INTO auth.signing_keys (kid, public_jwk, private_jwk, source, created_at)
                VALUES (:kid, :publicJwk, :privateJwk, :source, :now)""")
                .param("kid", key.getKeyID())
                .param("publicJwk", key.toPublicJWK().toJSONString())
                .param("privateJwk", generated ? key.toJSONString() : null)
                .param("source", generated ? "generated" : "configured")
                .param("now", Timestamp.from(now))
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
