package live.blytz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import live.blytz.platform.runtime.EmbeddedServersEnvironmentPostProcessor;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The split topology in one test JVM (ADR 0033): the auth service and the marketplace as two separate application
 * contexts (no parent, no shared bean, each its own port and its own fresh database on the same PostgreSQL) sharing
 * only what the deployment shares: Redis and the broker. Their clients check every response against the OpenAPI
 * document the server that sent it serves. The broker is the machine's RabbitMQ ({@code SPRING_RABBITMQ_HOST},
 * {@code _PORT}, {@code _VIRTUAL_HOST}, as CI sets them); without one (there is no embedded RabbitMQ) both run with
 * {@code broker=none}, and auth's events do not reach the marketplace ({@link #eventsCross()}).
 */
final class SplitTopology implements AutoCloseable {

    final ConfigurableApplicationContext auth;
    final ConfigurableApplicationContext marketplace;
    final String marketplaceDatabase;

    private SplitTopology(ConfigurableApplicationContext auth, ConfigurableApplicationContext marketplace,
            String marketplaceDatabase) {
        this.auth = auth;
        this.marketplace = marketplace;
        this.marketplaceDatabase = marketplaceDatabase;
    }

    /** Whether a broker carries auth's events to the marketplace in this run. */
    static boolean eventsCross() {
        return System.getenv("SPRING_RABBITMQ_HOST") != null;
    }

    static SplitTopology start() {
        String postgres = configuredDatabase();
        String authDatabase = freshDatabase(postgres, "auth_service");
        String marketplaceDatabase = freshDatabase(postgres, "marketplace");
        // A queue of this test's own: no other test's consumer takes the marketplace's events.
        String[] broker = eventsCross() ? new String[] {"--blytz.events.consumer-name=split-test"}
                : new String[] {"--blytz.events.broker=none", "--blytz.events.consume="};
        ConfigurableApplicationContext auth = AuthServiceApplication.application().profiles("test")
                .run(arguments(broker, "--server.port=0", "--spring.datasource.url=" + authDatabase,
                        // A send that failed is sent again within seconds, not a minute.
                        "--blytz.events.retry-after=1s", "--blytz.events.resubmit-interval=500ms"));
        try {
            String jwks = "http://127.0.0.1:" + port(auth) + "/.well-known/jwks.json";
            ConfigurableApplicationContext marketplace = MarketplaceApplication.application().profiles("test")
                    .run(arguments(broker, "--server.port=0", "--spring.datasource.url=" + marketplaceDatabase,
                            "--blytz.auth.jwk-set-uri=" + jwks,
                            // A rotation in one test must be seen at once, not after the production rate limit.
                            "--blytz.auth.jwks.min-refresh-interval=100ms"));
            return new SplitTopology(auth, marketplace, marketplaceDatabase);
        } catch (RuntimeException e) {
            auth.close();
            throw e;
        }
    }

    private static String[] arguments(String[] broker, String... arguments) {
        return Stream.concat(Arrays.stream(arguments), Arrays.stream(broker)).toArray(String[]::new);
    }

    RestTestClient authClient() {
        return client(auth);
    }

    RestTestClient marketplaceClient() {
        return client(marketplace);
    }

    @Override
    public void close() {
        marketplace.close();
        auth.close();
    }

    private static RestTestClient client(ConfigurableApplicationContext context) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(context))
                .requestInterceptor(new ContractCheckedClients.ContractCheck()).build();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port", Integer.class));
    }

    /** The PostgreSQL the tests are configured with (SPRING_DATASOURCE_URL / DATABASE_URL), else the embedded one. */
    private static String configuredDatabase() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test",
                // Only the database is asked for here: the contexts find Redis themselves.
                Map.of("blytz.embedded.data-dir", "target/embedded-data", "blytz.redis.url", "redis://unused")));
        new EmbeddedServersEnvironmentPostProcessor(destination -> LogFactory.getLog(SplitTopology.class))
                .postProcessEnvironment(environment, null);
        return Objects.requireNonNull(environment.getProperty("spring.datasource.url"));
    }

    /** A new, empty database beside the configured one: {@code <configured>_<suffix>}. */
    private static String freshDatabase(String configured, String suffix) {
        int query = configured.indexOf('?');
        String base = query < 0 ? configured : configured.substring(0, query);
        String parameters = query < 0 ? "" : configured.substring(query);
        int slash = base.lastIndexOf('/');
        String name = base.substring(slash + 1) + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(configured, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
        return base.substring(0, slash + 1) + name + parameters;
    }

    private static String user() {
        return Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres");
    }

    private static String password() {
        return Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
    }
}
