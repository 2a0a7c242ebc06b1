package live.blytz.platform.database;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLTransientConnectionException;

/**
 * No connection because the {@code database} circuit breaker is open: PostgreSQL was found unreachable moments ago
 * and is not asked again until the next probe. A connection failure like any other for JDBC and Spring (SQLState
 * {@code 08001}), so every layer above treats it as the outage it stands for.
 */
class DatabaseUnavailableException extends SQLTransientConnectionException {

    DatabaseUnavailableException(CircuitBreaker breaker) {
        super("PostgreSQL is unavailable; failing fast until the next probe", "08001",
                CallNotPermittedException.createCallNotPermittedException(breaker));
    }
}
