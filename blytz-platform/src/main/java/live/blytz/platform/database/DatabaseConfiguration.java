package live.blytz.platform.database;

import live.blytz.platform.resilience.CircuitBreakers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Static: a post-processor is created before the other beans, and must not pull them in early. */
    @Bean
    static DataSourceGuard dataSourceGuard(ObjectProvider<CircuitBreakers> breakers) {
        return new DataSourceGuard(breakers);
    }
}
