package live.blytz.auth.internal.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions (refresh-token families) and the hashes of every refresh token issued in them. A spent token stays
 * recorded (for up to the idle timeout, see {@link #deleteSpentRefreshTokens}), so that presenting it again is
 * recognised as reuse (RFC 9700 §4.14.2).
 */
@Repository
class SessionRepository {

    record Session(UUID id, UUID accountId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            @Nullable Instant revokedAt, @Nullable String userAgent, @Nullable String ip) {

        /** When the session can no longer be refreshed: idle for {@code idleTimeout}, or at its absolute end. */
        Instant endsAt(Duration idleTimeout) {
            Instant idle = lastUsedAt.plus(idleTimeout);
            return idle.isBefore(expiresAt) ? idle : expiresAt;
        }
    }

    record PresentedToken(Session session, @Nullable Instant spentAt) {
    }

    private static final String COLUMNS = "s.id, s.account_id, s.created_at, s.last_used_at, s.expires_at, "
            + "s.revoked_at, s.user_agent, s.ip";

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(Session session) {
        jdbc.sql("""
                INSERT INTO auth.sessions (id, account_id, created_at, last_used_at, expires_at, user_agent, ip)
                VALUES (:id, :account, :created, :created, :expires, :userAgent, :ip)""")
                .param("id", session.id())
                .param("account", session.accountId())
                .param("created", ts(session.createdAt()))
                .param("expires", ts(session.expiresAt()))
                .param("userAgent", session.userAgent())
                .param("ip", session.ip())
                .update();
    }

    void addRefreshToken(UUID sessionId, String tokenHash, Instant now) {
        jdbc.sql("INSERT INTO auth.refresh_tokens (token_hash, session_id, created_at) VALUES (:hash, :session, :now)")
                .param("hash", tokenHash).param("session", sessionId).param("now", ts(now)).update();
    }

    Optional<PresentedToken> findByRefreshToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + ", t.spent_at FROM auth.refresh_tokens t "
                        + "JOIN auth.sessions s ON s.id = t.session_id WHERE t.token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, row) -> new PresentedToken(session(rs), instant(rs, "spent_at")))
                .optional();
    }

    /**
     * Marks the token spent if nobody did yet. The conditional update takes the row lock, so of two concurrent
     * refreshes with one token exactly one gets {@code true}: at most one successor.
     */
    boolean spend(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE auth.refresh_tokens SET spent_at = :now WHERE token_hash = :hash AND spent_at IS NULL")
                .param("now", ts(now)).param("hash", tokenHash).update() == 1;
    }

    /** Records a refresh: when and from where. */
    void recordUse(UUID sessionId, Instant now, ClientInfo client) {
        jdbc.sql("UPDATE auth.sessions SET last_used_at = :now, ip = :ip, user_agent = :userAgent WHERE id = :id")
                .param("now", ts(now)).param("ip", client.ip()).param("userAgent", client.userAgent())
                .param("id", sessionId)
                .update();
    }

    Optional<Session> find(UUID sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auth.sessions s WHERE s.id = :id")
                .param("id", sessionId).query((rs, row) -> session(rs)).optional();
    }

    /** Revokes one session, unless it ended already. */
    void revoke(UUID sessionId, String reason, Instant now) {
        jdbc.sql("""
                UPDATE auth.sessions SET revoked_at = :now, revoked_reason = :reason
                WHERE id = :id AND revoked_at IS NULL""")
                .param("now", ts(now)).param("reason", reason).param("id", sessionId).update();
    }

    /** Revokes every active session of the account except {@code keep} (may be null). */
    void revokeAll(UUID accountId, @Nullable UUID keep, String reason, Instant now) {
        jdbc.sql("""
                UPDATE auth.sessions SET revoked_at = :now, revoked_reason = :reason
                WHERE account_id = :account AND revoked_at IS NULL
                  AND (CAST(:keep AS uuid) IS NULL OR id <> CAST(:keep AS uuid))""")
                .param("now", ts(now)).param("reason", reason).param("account", accountId).param("keep", keep)
                .update();
    }

    /** The account's sessions that can still be refreshed: not revoked, not idle too long, not past their end. */
    List<Session> active(UUID accountId, Instant now, Instant usedSince) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auth.sessions s WHERE s.account_id = :account "
                        + "AND s.revoked_at IS NULL AND s.expires_at > :now AND s.last_used_at > :usedSince "
                        + "ORDER BY s.last_used_at DESC")
                .param("account", accountId).param("now", ts(now)).param("usedSince", ts(usedSince))
                .query((rs, row) -> session(rs))
                .list();
    }

    /**
     * Ends the account's active sessions beyond the {@code max} most recently used ones; returns their ids. Called
     * with the account row locked (a login's update), so concurrent logins of one account count one after another.
     */
    List<UUID> revokeBeyondLimit(UUID accountId, int max, Instant now, Instant usedSince) {
        return jdbc.sql("""
                UPDATE auth.sessions SET revoked_at = :now, revoked_reason = 'session_limit'
                WHERE id IN (SELECT id FROM auth.sessions
                             WHERE account_id = :account AND revoked_at IS NULL AND expires_at > :now
                               AND last_used_at > :usedSince
                             ORDER BY last_used_at DESC, created_at DESC OFFSET :max)
                RETURNING id""")
                .param("now", ts(now)).param("account", accountId).param("usedSince", ts(usedSince))
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    /**
     * Deletes up to {@code batch} sessions (with their refresh tokens) that ended before {@code before}: revoked,
     * past their absolute end, or idle since. Rows another instance is deleting are skipped, not waited for.
     */
    int deleteEnded(Instant before, int batch) {
        return jdbc.sql("""
                DELETE FROM auth.sessions WHERE id IN (
                    SELECT id FROM auth.sessions
                    WHERE revoked_at < :before OR expires_at < :before OR last_used_at < :before
                    LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("before", ts(before)).param("batch", batch).update();
    }

    /** Deletes up to {@code batch} refresh tokens spent before {@code before}. */
    int deleteSpentRefreshTokens(Instant before, int batch) {
        return jdbc.sql("""
                DELETE FROM auth.refresh_tokens WHERE token_hash IN (
                    SELECT token_hash FROM auth.refresh_tokens WHERE spent_at < :before
                    LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("before", ts(before)).param("batch", batch).update();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_used_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"), rs.getString("user_agent"),
                rs.getString("ip"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
