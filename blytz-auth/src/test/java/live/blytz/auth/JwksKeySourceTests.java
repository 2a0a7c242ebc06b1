package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * How the marketplace keeps auth's keys ({@link JwksTokenVerification#keySource}), against a real HTTP server that
 * stands in for auth's {@code /.well-known/jwks.json} and counts its requests: cached, fetched again only for an
 * unknown key id and then rate limited, kept through an outage of auth for a bounded time only; and the start-up
 * check that ties auth's key activation delay to how stale this process's set may be (ADR 0033).
 */
class JwksKeySourceTests {

    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean authDown;
    private HttpServer auth;

    @BeforeEach
    void startAuth() throws Exception {
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authDown ? 503 : 200, authDown ? -1 : body.length);
            if (!authDown) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        auth.start();
    }

    @AfterEach
    void stopAuth() {
        auth.stop(0);
    }

    @Test
    void theSetIsCachedAndFetchedAgainOnlyForAnUnknownKidAtMostTwicePerMinRefreshInterval() throws Exception {
        ECKey first = newKey();
        published.add(first.toPublicJWK());
        JWKSource<SecurityContext> keys = keys(Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofHours(1));

        assertThat(find(keys, first.getKeyID())).hasSize(1);
        for (int i = 0; i < 20; i++) {
            assertThat(find(keys, first.getKeyID())).hasSize(1);
        }
        assertThat(fetches).hasValue(1);

        // A key auth has just published is fetched at once.
        ECKey second = newKey();
        published.add(second.toPublicJWK());
        assertThat(find(keys, second.getKeyID())).hasSize(1);
        assertThat(fetches).hasValue(2);

        // Made-up key ids cannot turn requests into fetches: two per interval (the first fetch opened this one),
        // and past those such a key is simply unknown (a 401), not a failure to reach auth (a 503).
        Thread.sleep(2_100);
        for (int i = 0; i < 10; i++) {
            assertThat(keys.get(selector("made-up-" + i), null)).isEmpty();
        }
        assertThat(fetches).hasValue(4);
        assertThat(find(keys, second.getKeyID())).hasSize(1);
        assertThat(fetches).hasValue(4);
    }

    @Test
    void whileAuthIsDownTheLastSetIsKeptForABoundedTimeOnlyAndFetchedAgainOnceAuthIsBack() throws Exception {
        ECKey key = newKey();
        published.add(key.toPublicJWK());
        Duration cacheFor = Duration.ofMillis(1_500);
        Duration outageTolerance = Duration.ofSeconds(3);
        JWKSource<SecurityContext> keys = keys(cacheFor, Duration.ofMillis(50), outageTolerance);
        assertThat(find(keys, key.getKeyID())).hasSize(1);
        long fetchedAt = System.nanoTime();

        authDown = true;
        Thread.sleep(cacheFor.toMillis() + 100);
        // Expired from the cache, auth answers 503: the set fetched before the outage is still used.
        assertThat(find(keys, key.getKeyID())).hasSize(1);
        assertThat(fetches.get()).isGreaterThan(1);

        // Past the tolerance (and the cache of the last answer it gave), not anymore: no key is trusted for ever.
        long keptAtMost = outageTolerance.plus(cacheFor).toNanos();
        Thread.sleep(Math.max(0, (fetchedAt + keptAtMost - System.nanoTime()) / 1_000_000) + 200);
        assertThatThrownBy(() -> find(keys, key.getKeyID())).isInstanceOf(KeySourceException.class);

        authDown = false;
        Thread.sleep(100);
        assertThat(find(keys, key.getKeyID())).hasSize(1);
    }

    @Test
    void theKeyActivationDelayMustOutlastTheLongestAJwkSetHereCanLackANewKey() {
        // The shipped defaults: 2 min > 1 min + 30 s + 2 s.
        JwksTokenVerification.checkKeyActivationDelay(properties(new MockEnvironment()));
        JwksTokenVerification.checkKeyActivationDelay(properties(new MockEnvironment()
                .withProperty("blytz.auth.key-activation-delay", "4s").withProperty("blytz.auth.key-refresh", "1s")
                .withProperty("blytz.auth.jwks.min-refresh-interval", "2s")
                .withProperty("blytz.auth.jwks.timeout", "500ms")));

        for (MockEnvironment broken : List.of(
                new MockEnvironment().withProperty("blytz.auth.key-activation-delay", "92s"),
                new MockEnvironment().withProperty("blytz.auth.jwks.min-refresh-interval", "1m"),
                new MockEnvironment().withProperty("blytz.auth.key-refresh", "90s"))) {
            assertThatThrownBy(() -> JwksTokenVerification.checkKeyActivationDelay(properties(broken)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("blytz.auth.key-activation-delay")
                    .hasMessageContaining("must be longer than blytz.auth.key-refresh + "
                            + "blytz.auth.jwks.min-refresh-interval + blytz.auth.jwks.timeout");
        }
    }

    private JWKSource<SecurityContext> keys(Duration cacheFor, Duration minRefreshInterval, Duration outageTolerance)
            throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + auth.getAddress().getPort() + "/.well-known/jwks.json");
        return JwksTokenVerification.keySource(uri, new JwksVerificationProperties.Jwks(cacheFor, minRefreshInterval,
                Duration.ofSeconds(1), outageTolerance, Duration.ofSeconds(1)));
    }

    private static List<JWK> find(JWKSource<SecurityContext> keys, String kid) throws KeySourceException {
        return keys.get(selector(kid), null);
    }

    private static JWKSelector selector(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    private static JwksVerificationProperties properties(MockEnvironment environment) {
        return Binder.get(environment).bindOrCreate("blytz.auth", JwksVerificationProperties.class);
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyIDFromThumbprint(true).generate();
    }
}
