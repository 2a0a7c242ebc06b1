package live.blytz.auth.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions (refresh-token families) and the hashes of every refresh token issued in them. A spent token stays
 * recorded for the session's life, so that presenting it again is recognised as reuse (RFC 9700 §4.14.2).
 */
@Repository
class SessionStore {

    record Session(UUID id, UUID accountId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            @Nullable Instant revokedAt, @Nullable String userAgent, @Nullable String ip,
            @Nullable String lastAccessJti, @Nullable Instant lastAccessExpiresAt) {
    }

    record PresentedToken(Session session, @Nullable Instant spentAt) {
    }

    private static final String COLUMNS = "s.id, s.account_id, s.created_at, s.last_used_at, s.expires_at, "
            + "s.revoked_at, s.user_agent, s.ip, s.last_access_jti, s.last_access_expires_at";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
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

    /** Records a refresh: when, from where, and which access token it issued (denied if the session ends). */
    void recordUse(UUID sessionId, Instant now, ClientInfo client, String accessJti, Instant accessExpiresAt) {
        jdbc.sql("""
                UPDATE auth.sessions SET last_used_at = :now, ip = :ip, user_agent = :userAgent,
                       last_access_jti = :jti, last_access_expires_at = :exp
                WHERE id = :id""")
                .param("now", ts(now)).param("ip", client.ip()).param("userAgent", client.userAgent())
                .param("jti", accessJti).param("exp", ts(accessExpiresAt)).param("id", sessionId)
                .update();
    }

    Optional<Session> find(UUID sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auth.sessions s WHERE s.id = :id")
                .param("id", sessionId).query((rs, row) -> session(rs)).optional();
    }

    /** Revokes one session; true if it was still active. */
    boolean revoke(UUID sessionId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE auth.sessions SET revoked_at = :now, revoked_reason = :reason
                WHERE id = :id AND revoked_at IS NULL""")
                .param("now", ts(now)).param("reason", reason).param("id", sessionId).update() == 1;
    }

    /** Revokes every active session of the account except {@code keep} (may be null); returns the revoked ones. */
    List<Session> revokeAll(UUID accountId, @Nullable UUID keep, String reason, Instant now) {
        return jdbc.sql("UPDATE auth.sessions s SET revoked_at = :now, revoked_reason = :reason "
                        + "WHERE s.account_id = :account AND s.revoked_at IS NULL "
                        + "AND (CAST(:keep AS uuid) IS NULL OR s.id <> CAST(:keep AS uuid)) RETURNING " + COLUMNS)
                .param("now", ts(now)).param("reason", reason).param("account", accountId).param("keep", keep)
                .query((rs, row) -> session(rs))
                .list();
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

    /** Forgets the account's sessions that ended before {@code before} (their tokens are long useless). */
    void deleteEnded(UUID accountId, Instant before) {
        jdbc.sql("DELETE FROM auth.sessions WHERE account_id = :account "
                        + "AND (expires_at < :before OR revoked_at < :before OR last_used_at < :before)")
                .param("account", accountId).param("before", ts(before)).update();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_used_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"), rs.getString("user_agent"),
                rs.getString("ip"), rs.getString("last_access_jti"), instant(rs, "last_access_expires_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
