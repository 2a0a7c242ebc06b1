package live.blytz.auth.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, short-lived mailed tokens (password reset, e-mail verification): 256 random bits, stored only as
 * a SHA-256 hash; consuming one is a conditional update, so a token works once even if two requests race.
 */
@Repository
class OneTimeTokens {

    enum Purpose {
        PASSWORD_RESET("password_reset"), EMAIL_VERIFICATION("email_verification");

        final String code;

        Purpose(String code) {
            this.code = code;
        }
    }

    record Redeemed(UUID accountId, String email) {
    }

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();

    OneTimeTokens(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.lifetime = properties.mail().tokenLifetime();
    }

    /** Issues a token for the account, sent to {@code email}; earlier unused tokens of that purpose stop working. */
    String issue(UUID accountId, String email, Purpose purpose) {
        Instant now = clock.instant();
        String token = Secrets.newSecret();
        jdbc.sql("DELETE FROM auth.one_time_tokens WHERE account_id = :account AND purpose = :purpose")
                .param("account", accountId).param("purpose", purpose.code).update();
        jdbc.sql("""
                INSERT INTO auth.one_time_tokens (token_hash, account_id, purpose, email, created_at, expires_at)
                VALUES (:hash, :account, :purpose, :email, :now, :expires)""")
                .param("hash", Secrets.hash(token)).param("account", accountId).param("purpose", purpose.code)
                .param("email", email).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lifetime)))
                .update();
        return token;
    }

    /** Uses the token up if it is valid, unused and unexpired. */
    Optional<Redeemed> redeem(String token, Purpose purpose) {
        return jdbc.sql("""
                UPDATE auth.one_time_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                RETURNING account_id, email""")
                .param("now", Timestamp.from(clock.instant())).param("hash", Secrets.hash(token))
                .param("purpose", purpose.code)
                .query((rs, row) -> new Redeemed(rs.getObject("account_id", UUID.class), rs.getString("email")))
                .optional();
    }
}
