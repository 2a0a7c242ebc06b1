package live.blytz.platform.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one rule for "a dependency is down" (503, ADR 0022), applied to an exception and all its causes: the outage
 * often arrives wrapped, or hidden, e.g. a statement that lost its connection is overridden by the failed rollback's
 * {@link TransactionSystemException} ("Connection is closed"), which keeps the statement's error as its application
 * exception.
 */
final class DependencyOutages {

    private DependencyOutages() {
    }

    static boolean isOutage(Throwable e) {
        return outage(e) != null;
    }

    /** Whether a circuit breaker refused the call: the dependency was not even asked. */
    static boolean failedFast(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException) {
                return true;
            }
        }
        return false;
    }

    /** For the log: what the outage was and the innermost reason (not the SQL of the statement that hit it). */
    static String describe(Throwable e) {
        Throwable outage = outage(e);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return (outage == null ? e : outage).getClass().getSimpleName() + " (" + root + ")";
    }

    private static @Nullable Throwable outage(@Nullable Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException rollback) {
                Throwable hidden = outage(rollback.getApplicationException());
                if (hidden != null) {
                    return hidden;
                }
            }
            if (cause instanceof DependencyUnavailableException  // Redis, through RedisCalls
                    || cause instanceof CallNotPermittedException  // an open circuit breaker
                    || cause instanceof DataAccessResourceFailureException  // incl. CannotGetJdbcConnectionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return cause;
            }
        }
        return null;
    }

    /** 08: connection exception; 53: out of resources (too many connections); 57P: shutting down or starting up. */
    private static boolean unavailable(@Nullable String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P"));
    }
}
