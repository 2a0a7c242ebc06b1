package live.blytz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import live.blytz.platform.runtime.EmbeddedServersEnvironmentPostProcessor;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The split topology in one test JVM (ADR 0033): the auth service and the marketplace as two separate application
 * contexts (no parent, no shared bean, each its own port and its own fresh database on the same PostgreSQL) sharing
 * only what the deployment shares: Redis and the broker. Where an nginx binary is found, clients reach both through
 * the reverse proxy compose runs ({@link SplitReverseProxy}), one base URL; elsewhere each service directly. Their
 * clients check every response against the OpenAPI document of the service that answered it. The marketplace
 * fetches auth's JWK Set through a {@link JwksFetchCounter}, with the shipped min-refresh-interval and timeout. The
 * broker is the machine's RabbitMQ ({@code SPRING_RABBITMQ_HOST}, {@code _PORT}, {@code _VIRTUAL_HOST}, as CI sets
 * them); without one (there is no embedded RabbitMQ) both run with {@code broker=none}, and auth's events do not
 * reach the marketplace ({@link #eventsCross()}).
 */
final class SplitTopology implements AutoCloseable {

    /**
     * Auth's key activation delay here: the shortest the marketplace accepts with its shipped
     * {@code jwks.min-refresh-interval} (30 s) and {@code timeout} (2 s) when auth re-reads its keys every second
     * ({@code key-refresh}, shortened, there is one auth instance), so that a rotation waits 34 s, not 2 minutes.
     */
    private static final Duration KEY_ACTIVATION_DELAY = Duration.ofSeconds(34);

    final ConfigurableApplicationContext auth;
    final ConfigurableApplicationContext marketplace;
    final String marketplaceDatabase;
    final JwksFetchCounter jwks;
    private final @Nullable SplitReverseProxy proxy;

    private SplitTopology(ConfigurableApplicationContext auth, ConfigurableApplicationContext marketplace,
            String marketplaceDatabase, JwksFetchCounter jwks, @Nullable SplitReverseProxy proxy) {
        this.auth = auth;
        this.marketplace = marketplace;
        this.marketplaceDatabase = marketplaceDatabase;
        this.jwks = jwks;
        this.proxy = proxy;
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
        String[] keys = {"--blytz.auth.key-activation-delay=" + KEY_ACTIVATION_DELAY, "--blytz.auth.key-refresh=1s"};
        ConfigurableApplicationContext auth = AuthServiceApplication.application().profiles("test")
                .run(arguments(broker, keys, "--server.port=0", "--spring.datasource.url=" + authDatabase,
                        // A send that failed is sent again within seconds, not a minute.
                        "--blytz.events.retry-after=1s", "--blytz.events.resubmit-interval=500ms"));
        JwksFetchCounter jwks = new JwksFetchCounter(origin(auth));
        ConfigurableApplicationContext marketplace = null;
        try {
            marketplace = MarketplaceApplication.application().profiles("test")
                    .run(arguments(broker, keys, "--server.port=0", "--spring.datasource.url=" + marketplaceDatabase,
                            "--blytz.auth.jwk-set-uri=" + jwks.jwkSetUri(),
                            // Longer than the shipped 5 min: no expiry fetches amid the counting of unknown-kid ones.
                            "--blytz.auth.jwks.cache-for=1h"));
            int marketplacePort = port(marketplace);
            SplitReverseProxy proxy = SplitReverseProxy.available()
                    .map(nginx -> SplitReverseProxy.start(nginx, port(auth), marketplacePort))
                    .orElse(null);
            return new SplitTopology(auth, marketplace, marketplaceDatabase, jwks, proxy);
        } catch (RuntimeException e) {
            if (marketplace != null) {
                marketplace.close();
            }
            jwks.close();
            auth.close();
            throw e;
        }
    }

    private static String[] arguments(String[] broker, String[] keys, String... arguments) {
        return Stream.of(Arrays.stream(arguments), Arrays.stream(keys), Arrays.stream(broker)).flatMap(s -> s)
                .toArray(String[]::new);
    }

    /** Whether clients reach the services through the reverse proxy (an nginx binary was found). */
    boolean proxied() {
        return proxy != null;
    }

    /** Where {@code /api/v1/auth/**} and {@code /.well-known/jwks.json} go: the proxy, else auth directly. */
    RestTestClient authClient() {
        return client(auth);
    }

    /** Where everything else goes: the proxy, else the marketplace directly. */
    RestTestClient marketplaceClient() {
        return client(marketplace);
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        marketplace.close();
        jwks.close();
        auth.close();
    }

    private RestTestClient client(ConfigurableApplicationContext service) {
        return RestTestClient.bindToServer().baseUrl(proxy != null ? proxy.baseUrl() : origin(service))
                .requestInterceptor(new ContractCheckedClients.ContractCheck(origin(service))).build();
    }

    private static String origin(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + port(context);
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
