package live.blytz.platform.database;

import java.sql.SQLException;

/** Which failures to get a connection mean that PostgreSQL is down, as opposed to merely busy. */
final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /**
     * A connection exception (SQLState class {@code 08}) anywhere in the causes. The pool's timeout carries the
     * SQLState of its last failed attempt to connect; a pool that timed out only because all its connections were
     * busy has none, and does not count: PostgreSQL is answering, just loaded.
     */
    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
