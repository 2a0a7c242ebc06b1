package live.blytz.auth.internal.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.Codes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, short-lived mailed tokens (password reset, e-mail verification): 256 random bits, stored only as
 * a SHA-256 hash; consuming one is a conditional update, so a token works once even if two requests race.
 * <p>
 * An account has at most one unused token per purpose (a partial unique index). A new one replaces it only once the
 * per-account cooldown has passed since it was issued: within the cooldown nothing is issued (so nothing is mailed)
 * and the live token keeps working, so neither a mail bomb nor a re-request every few seconds can harm the owner.
 */
@Repository
class OneTimeTokenRepository {

    /** Stored as its code ({@link Codes}). */
    enum Purpose {
        PASSWORD_RESET, EMAIL_VERIFICATION
    }

    record Redeemed(UUID accountId, String email) {
    }

    /** What a 400 says of a token that cannot be redeemed, whatever the reason. */
    static final String INVALID_TOKEN = "is invalid, expired or already used";

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Duration cooldown;
    private final Clock clock;

    OneTimeTokenRepository(JdbcClient jdbc, AuthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = properties.mail().tokenLifetime();
        this.cooldown = properties.mail().cooldown();
    }

    /**
     * Issues a token for the account, sent to {@code email}, replacing its unused token of that purpose, unless that
     * one was issued within the cooldown: then nothing (empty), and the live token stays valid. Race-free across
     * instances: of two concurrent issues the unique index lets one insert, the other inserts nothing.
     */
    Optional<String> issue(UUID accountId, String email, Purpose purpose) {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM auth.one_time_tokens
                WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL
                  AND (created_at <= :cooledDown OR expires_at <= :now)""")
                .param("account", accountId).param("purpose", Codes.of(purpose))
                .param("cooledDown", Timestamp.from(now.minus(cooldown))).param("now", Timestamp.from(now))
                .update();
        String token = Secrets.newSecret();
        int inserted = jdbc.sql("""
                INSERT INTO auth.one_time_tokens (token_hash, account_id, purpose, email, created_at, expires_at)
                VALUES (:hash, :account, :purpose, :email, :now, :expires)
                ON CONFLICT (account_id, purpose) WHERE used_at IS NULL DO NOTHING""")
                .param("hash", Secrets.hash(token)).param("account", accountId).param("purpose", Codes.of(purpose))
                .param("email", email).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lifetime)))
                .update();
        return inserted == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Whether the token could be used now (valid, unused, unexpired), without using it up. */
    boolean usable(String token, Purpose purpose) {
        return jdbc.sql("""
                SELECT count(*) FROM auth.one_time_tokens
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", Secrets.hash(token)).param("purpose", Codes.of(purpose))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
    }

    /** Uses the token up if it is valid, unused and unexpired. */
    Optional<Redeemed> redeem(String token, Purpose purpose) {
        return jdbc.sql("""
                UPDATE auth.one_time_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                RETURNING account_id, email""")
                .param("now", Timestamp.from(clock.instant())).param("hash", Secrets.hash(token))
                .param("purpose", Codes.of(purpose))
                .query((rs, row) -> new Redeemed(rs.getObject("account_id", UUID.class), rs.getString("email")))
                .optional();
    }

    /** Deletes up to {@code batch} tokens that were used or have expired; rows another instance is deleting are skipped. */
    int deleteUsedOrExpired(int batch) {
        return jdbc.sql("""
                DELETE FROM auth.one_time_tokens WHERE token_hash IN (
                    SELECT token_hash FROM auth.one_time_tokens WHERE used_at IS NOT NULL OR expires_at <= :now
                    LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("now", Timestamp.from(clock.instant())).param("batch", batch).update();
    }
}
