package live.blytz.auth.internal.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The revocations the system of record holds, read back when the shared store has lost them. */
@Repository
class RevocationQueries {

    /** An account's {@code tokens_valid_after}. */
    record ValidAfter(UUID accountId, Instant tokensValidAfter) {
    }

    private final JdbcClient jdbc;

    RevocationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accounts whose tokens were revoked after {@code since} (a new account's starts at its creation). */
    List<ValidAfter> accountsRevokedSince(Instant since) {
        return jdbc.sql("""
                SELECT id, tokens_valid_after FROM auth.accounts
                WHERE tokens_valid_after > :since AND tokens_valid_after > created_at""")
                .param("since", Timestamp.from(since))
                .query((rs, row) -> new ValidAfter(rs.getObject("id", UUID.class),
                        rs.getTimestamp("tokens_valid_after").toInstant()))
                .list();
    }

    /** The sessions revoked after {@code since}: their access tokens may still be within their lifetime. */
    List<UUID> sessionsRevokedSince(Instant since) {
        return jdbc.sql("SELECT id FROM auth.sessions WHERE revoked_at > :since")
                .param("since", Timestamp.from(since)).query(UUID.class).list();
    }
}
