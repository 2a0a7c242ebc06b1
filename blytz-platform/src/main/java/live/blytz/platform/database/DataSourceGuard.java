package live.blytz.platform.database;

import javax.sql.DataSource;
import live.blytz.platform.resilience.CircuitBreakers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts Boot's DataSource (the Hikari pool) behind the {@code database} circuit breaker, so that everything taking
 * connections from it (JDBC, transactions, Liquibase, Modulith's event registry, the health check) fails fast
 * while PostgreSQL is down. The pool itself stays Boot's, with its metrics and settings.
 */
class DataSourceGuard implements BeanPostProcessor {

    private final ObjectProvider<CircuitBreakers> breakers;

    DataSourceGuard(ObjectProvider<CircuitBreakers> breakers) {
        this.breakers = breakers;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof GuardedDataSource)) {
            return new GuardedDataSource(dataSource, breakers.getObject());
        }
        return bean;
    }
}
