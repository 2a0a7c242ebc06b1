package live.blytz.platform.database;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import live.blytz.platform.resilience.CircuitBreakers;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource behind the {@code database} circuit breaker (ADR 0022). Every connection is taken
 * through the breaker; when PostgreSQL has refused or dropped enough of them, the breaker opens and
 * {@link #getConnection()} fails at once with a {@link DatabaseUnavailableException} instead of each caller waiting
 * out the pool's connection timeout. A few probes after {@code blytz.resilience.open-for} close it again.
 */
class GuardedDataSource extends DelegatingDataSource {

    static final String BREAKER = "database";

    private final CircuitBreaker breaker;

    GuardedDataSource(DataSource target, CircuitBreakers breakers) {
        super(target);
        this.breaker = breakers.of(BREAKER, DatabaseOutages::isOutage);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private Connection guarded(ConnectionSource source) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            throw new DatabaseUnavailableException(breaker);
        }
        long start = breaker.getCurrentTimestamp();
        try {
            Connection connection = source.get();
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return connection;
        } catch (SQLException | RuntimeException | Error e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw e;
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
