package live.blytz.platform.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides where PostgreSQL and Redis are before any bean is created (ADR 0003):
 * <ul>
 *   <li>{@code DATABASE_URL} becomes {@code spring.datasource.*}; a configured {@code spring.datasource.url} wins;</li>
 *   <li>with neither, and {@code blytz.embedded.enabled} (the default outside {@code prod}), a real embedded
 *       PostgreSQL and Redis start with their data under {@code blytz.embedded.data-dir}.</li>
 * </ul>
 * Everything after this point is one code path: JDBC and Redisson against a real server.
 */
public class EmbeddedServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String SOURCE_NAME = "blytzRuntime";

    private final Log log;

    public EmbeddedServersEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedServersEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        boolean embedded = environment.getProperty("blytz.embedded.enabled", Boolean.class, true);
        Path dataDir = Path.of(environment.getProperty("blytz.embedded.data-dir", "./data"));

        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            log.info("Using the PostgreSQL configured in spring.datasource.url");
        } else if (StringUtils.hasText(databaseUrl)) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            properties.put("spring.datasource.url", parsed.jdbcUrl());
            if (parsed.username() != null) {
                properties.put("spring.datasource.username", parsed.username());
            }
            if (parsed.password() != null) {
                properties.put("spring.datasource.password", parsed.password());
            }
            log.info("Using the PostgreSQL configured in DATABASE_URL");
        } else if (embedded) {
            Path pgData = dataDir.resolve("postgres");
            properties.put("spring.datasource.url", EmbeddedPostgresServer.jdbcUrl(pgData));
            properties.put("spring.datasource.username", "postgres");
            log.info("No database configured: started an embedded PostgreSQL with its data in " + pgData.toAbsolutePath());
        }

        if (StringUtils.hasText(environment.getProperty("blytz.redis.url"))) {
            log.info("Using the Redis configured in blytz.redis.url / REDIS_URL");
        } else if (embedded) {
            Path redisData = dataDir.resolve("redis");
            properties.put("blytz.redis.url", EmbeddedRedisServer.url(redisData));
            log.info("No Redis configured: started an embedded redis-server with its data in " + redisData.toAbsolutePath());
        }

        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
        }
    }

    @Override
    public int getOrder() {
        // After config data, so application.yaml, profiles and the environment are all visible.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
