package live.blytz.users.internal.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of account facts that auth publishes. Every fact is written together with the
 * {@code accountVersion} of the event that carried it, and only if that version is newer than the one stored:
 * a redelivered event changes nothing, and an older event arriving late never overwrites a newer fact, even
 * when events of one account are handled out of order. Rows are upserted, so an event may arrive before
 * the account's {@code UserRegistered}.
 */
@Repository
public class AccountFactsRepository {

    private final JdbcClient jdbc;

    AccountFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean applyEmail(UserId id, String email, boolean verified, long version, Instant now) {
        return apply(id, version, now, "email_version", Map.of("email", email, "email_verified", verified));
    }

    public boolean applyRole(UserId id, Role role, long version, Instant now) {
        return apply(id, version, now, "role_version", Map.of("role", role.code()));
    }

    public boolean applyStatus(UserId id, AccountStatus status, long version, Instant now) {
        return apply(id, version, now, "status_version", Map.of("status", status.code()));
    }

    boolean applyLogin(UserId id, Instant at, long version, Instant now) {
        return apply(id, version, now, "login_version", Map.of("last_login_at", at.atOffset(ZoneOffset.UTC)));
    }

    boolean applyPasswordChange(UserId id, Instant at, long version, Instant now) {
        return apply(id, version, now, "password_version",
                Map.of("password_changed_at", at.atOffset(ZoneOffset.UTC)));
    }

    /**
     * Makes sure a row exists for an account known only from its token so far. Fills the role (and e-mail,
     * if the token has one) only where no event has set them; their versions stay unknown (NULL), so the
     * first event about them wins.
     */
    public void ensureFromToken(UserId id, Role role, @Nullable String email, Instant now) {
        jdbc.sql("""
                INSERT INTO users.account_facts AS a (id, role, email, updated_at)
                VALUES (:id, :role, :email, :now)
                ON CONFLICT (id) DO UPDATE SET role = COALESCE(a.role, EXCLUDED.role),
                                               email = COALESCE(a.email, EXCLUDED.email)
                WHERE a.role IS NULL OR (a.email IS NULL AND EXCLUDED.email IS NOT NULL)""")
                .param("id", id.value())
                .param("role", role.code())
                .param("email", email)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    // Column names are constants of this class, never input: safe to splice into the SQL.
    private boolean apply(UserId id, long version, Instant now, String versionColumn, Map<String, Object> facts) {
        Map<String, Object> params = new HashMap<>(facts);
        params.put("id", id.value());
        params.put("version", version);
        params.put("now", now.atOffset(ZoneOffset.UTC));
        String columns = String.join(", ", facts.keySet());
        String values = facts.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        String assignments = facts.keySet().stream().map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO users.account_facts AS a (id, updated_at, " + versionColumn + ", " + columns + ")"
                + " VALUES (:id, :now, :version, " + values + ")"
                + " ON CONFLICT (id) DO UPDATE SET " + assignments + ", " + versionColumn + " = EXCLUDED." + versionColumn
                + ", updated_at = EXCLUDED.updated_at"
                + " WHERE a." + versionColumn + " IS NULL OR a." + versionColumn + " < EXCLUDED." + versionColumn;
        return jdbc.sql(sql).params(params).update() > 0;
    }
}
