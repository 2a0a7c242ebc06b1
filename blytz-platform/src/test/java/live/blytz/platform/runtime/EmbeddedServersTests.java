package live.blytz.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** With nothing configured, a real PostgreSQL and a real redis-server start and are wired into the environment. */
class EmbeddedServersTests {

    @TempDir
    Path dataDir;

    @Test
    void startsRealServersWhenNothingIsConfigured() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("blytz.embedded.data-dir", dataDir.toString());
        new EmbeddedServersEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());

        String jdbcUrl = environment.getProperty("spring.datasource.url");
        assertThat(jdbcUrl).startsWith("jdbc:postgresql://localhost:");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery("SELECT current_setting('data_directory')")) {
            result.next();
            assertThat(Path.of(result.getString(1))).isEqualTo(dataDir.resolve("postgres").toAbsolutePath());
        }

        Config config = new Config();
        config.useSingleServer().setAddress(environment.getProperty("blytz.redis.url"));
        RedissonClient redis = Redisson.create(config);
        try {
            redis.getBucket("embedded-check").set("alive");
            assertThat(redis.getBucket("embedded-check").get()).isEqualTo("alive");
        } finally {
            redis.shutdown();
        }
    }

    @Test
    void aConfiguredDatabaseUrlWinsAndStartsNothing() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://app:pw@db.example:5432/blytz")
                .withProperty("blytz.redis.url", "redis://cache.example:6379")
                .withProperty("blytz.embedded.data-dir", dataDir.toString());
        new EmbeddedServersEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/blytz");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("blytz.redis.url")).isEqualTo("redis://cache.example:6379");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void nothingStartsWhenEmbeddedServersAreDisabled() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("blytz.embedded.enabled", "false")
                .withProperty("blytz.embedded.data-dir", dataDir.toString());
        new EmbeddedServersEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(environment.getProperty("blytz.redis.url")).isNull();
    }
}
