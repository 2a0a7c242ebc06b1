package live.blytz.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import live.blytz.BlytzIntegrationTest;
import live.blytz.platform.resilience.CircuitBreakers;
import live.blytz.platform.resilience.ResilienceProperties;
import live.blytz.platform.resilience.TcpProxy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL goes away and comes back: a second pool reaches the real server through a proxy the test takes down
 * and brings back on the same port. The {@code database} breaker opens, connections are refused at once without
 * asking PostgreSQL or waiting for the pool, and the next probe after PostgreSQL is back closes it (ADR 0022).
 */
@BlytzIntegrationTest
class DatabaseOutageTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties database;

    @Test
    void theApplicationTakesItsConnectionsThroughTheBreakerFromBootsPool() throws SQLException {
        assertThat(dataSource).isInstanceOf(GuardedDataSource.class);
        // Boot's pool is still reachable behind the guard (metrics, health details).
        assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isNotBlank();
    }

    @Test
    void theBreakerOpensWhilePostgresIsDownAndClosesByItselfWhenItIsBack() {
        URI real = URI.create(database.getUrl().substring("jdbc:".length()));
        CircuitBreakers breakers = new CircuitBreakers(new ResilienceProperties(Duration.ofMillis(300), 4, 4, 50, 1));
        CircuitBreaker breaker = breakers.of(GuardedDataSource.BREAKER, DatabaseOutages::isOutage);
        try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort()); HikariDataSource pool = pool(real, proxy)) {
            JdbcTemplate jdbc = new JdbcTemplate(new GuardedDataSource(pool, breakers));
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);

            proxy.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try {
                    jdbc.queryForObject("SELECT 1", Integer.class);
                } catch (DataAccessException expected) {
                    // Counted by the breaker when it was a failure to connect.
                }
                return breaker.getState() == CircuitBreaker.State.OPEN;
            });
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
                        .isInstanceOf(CannotGetJdbcConnectionException.class)
                        .hasRootCauseInstanceOf(CallNotPermittedException.class);
            }
            assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(50);
            // Not one waited for the pool: 50 connection timeouts would take 25 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

            proxy.start();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1));
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    /** A small pool like the application's, on the proxy's port. */
    private HikariDataSource pool(URI real, TcpProxy proxy) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getRawPath()
                + (real.getRawQuery() == null ? "" : "?" + real.getRawQuery()));
        pool.setUsername(database.getUsername());
        pool.setPassword(database.getPassword());
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(500);
        pool.setValidationTimeout(250);
        return pool;
    }
}
