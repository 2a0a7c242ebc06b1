package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.UUID;
import javax.sql.DataSource;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The acceptance story against the split topology (two application contexts with separate module sets, ports and
 * databases; Redis and the broker shared), and what only the split has: each process holds its own modules and
 * nothing of the other's, and the marketplace accepts only tokens auth signed.
 */
class SplitAcceptanceTests extends TopologyAcceptanceTests {

    static SplitTopology split;

    @BeforeAll
    static void start() {
        split = SplitTopology.start();
    }

    @AfterAll
    static void stop() {
        split.close();
    }

    @Override
    RestTestClient auth() {
        return split.authClient();
    }

    @Override
    RestTestClient marketplace() {
        return split.marketplaceClient();
    }

    @Override
    boolean eventsCross() {
        return SplitTopology.eventsCross();
    }

    /**
     * Tokens naming made-up keys, until the marketplace may not fetch auth's keys again for a while (Nimbus lets two
     * fetches through per min-refresh-interval). Each is refused as a token of an unknown key, fetched or not.
     */
    @Override
    void spendKeyFetches() {
        for (int i = 0; i < 3; i++) {
            marketplace().get().uri("/api/v1/users/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged(UUID.randomUUID().toString()))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    @Override
    long keyFetches() {
        return split.jwks.fetches();
    }

    @Override
    long keyFetchesForANewKey() {
        return 1;
    }

    @Test
    void theMarketplaceKeepsAuthsKeysInsteadOfFetchingThemForEveryToken() {
        Account account = new TestAccounts(auth()).register(Role.BUYER);
        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk();
        long fetches = split.jwks.fetches();

        for (int i = 0; i < 20; i++) {
            marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                    .exchange().expectStatus().isOk();
        }

        assertThat(split.jwks.fetches()).isEqualTo(fetches);
    }

    @Test
    void throughTheProxyBothServicesSeeTheClientsAddress() {
        assumeTrue(split.proxied(), "no nginx binary: the clients reach the services directly");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String client = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        String other = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        Account account = new TestAccounts(auth()).register(Role.BUYER);

        // Auth records the session's address as the proxy forwarded it.
        String token = (String) Objects.requireNonNull(auth().post().uri("/api/v1/auth/login")
                .header("X-Forwarded-For", client).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", account.email(), "password", account.password()))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody())
                .get("access_token");
        auth().get().uri("/api/v1/auth/sessions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.current == true)].ip").isEqualTo(List.of(client));

        // The marketplace counts a product's views once per client address: two addresses, two views.
        String product = createPublishedProduct(new TestAccounts(auth()).register(Role.SELLER));
        for (String address : List.of(client, client, other)) {
            marketplace().get().uri("/api/v1/products/{id}", product).header("X-Forwarded-For", address)
                    .exchange().expectStatus().isOk();
        }
        JdbcClient marketplaceDatabase = JdbcClient.create(split.marketplace.getBean(DataSource.class));
        await().untilAsserted(() -> assertThat(marketplaceDatabase.sql(
                "SELECT view_count FROM catalog.products WHERE id = :id::uuid").param("id", product)
                .query(Long.class).single()).isEqualTo(2));
    }

    private static String forged(String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                    .type(new JOSEObjectType("at+jwt")).build(),
                    new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                            .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMarketplaceRunsNothingOfAuthAndItsDatabaseHasNoAuthSchema() {
        assertThat(beanClasses(split.marketplace)).noneMatch(name -> name.startsWith("live.blytz.auth.internal"));
        assertThat(beanClasses(split.marketplace)).anyMatch(name -> name.startsWith("live.blytz.users.internal"))
                .anyMatch(name -> name.startsWith("live.blytz.catalog.internal"))
                .anyMatch(name -> name.startsWith("live.blytz.auctions.internal"));
        assertThat(beanClasses(split.auth)).anyMatch(name -> name.startsWith("live.blytz.auth.internal"))
                .noneMatch(name -> name.matches("live\\.blytz\\.(users|catalog|auctions)\\..*"));

        // Each process runs its own modules' scheduled jobs: the auction closer here, auth's purges there.
        assertThat(scheduledJobs(split.marketplace)).anyMatch(job -> job.contains("AuctionCloser"))
                .noneMatch(job -> job.contains("live.blytz.auth."));
        assertThat(scheduledJobs(split.auth)).anyMatch(job -> job.contains("live.blytz.auth.internal"))
                .noneMatch(job -> job.matches(".*live\\.blytz\\.(users|catalog|auctions)\\..*"));

        assertThat(schemas(split.marketplace)).contains("users", "catalog", "auctions").doesNotContain("auth");
        assertThat(schemas(split.auth)).contains("auth").doesNotContain("users", "catalog", "auctions");
    }

    @Test
    void eachProcessServesOnlyItsOwnRoutes() {
        RestTestClient marketplace = raw(split.marketplace);
        RestTestClient auth = raw(split.auth);
        marketplace.get().uri("/.well-known/jwks.json").exchange().expectStatus().isNotFound();
        marketplace.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"a@b.test\", \"password\": \"whatever it is\"}")
                .exchange().expectStatus().isNotFound();
        auth.get().uri("/api/v1/products").exchange().expectStatus().isNotFound();
        auth().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
    }

    @Test
    void theMarketplaceRefusesATokenAuthDidNotSign() throws Exception {
        Account account = new TestAccounts(auth()).register(Role.BUYER);
        String kid = SignedJWT.parse(account.accessToken()).getHeader().getKeyID();
        JWTClaimsSet claims = SignedJWT.parse(account.accessToken()).getJWTClaimsSet();
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();

        // The same claims and key id as a real token, signed with another key; and one naming a key auth never had.
        for (String keyId : List.of(kid, UUID.randomUUID().toString())) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                    .type(new JOSEObjectType("at+jwt")).build(),
                    new JWTClaimsSet.Builder(claims).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            forged.sign(new ECDSASigner(stranger));
            marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged.serialize())
                    .exchange().expectStatus().isUnauthorized();
        }
        marketplace().get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk();
    }

    private static List<String> beanClasses(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(type -> type != null)
                .map(Class::getName)
                .toList();
    }

    private static List<String> scheduledJobs(ConfigurableApplicationContext context) {
        return context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().toString())
                .toList();
    }

    private static List<String> schemas(ConfigurableApplicationContext context) {
        return JdbcClient.create(context.getBean(DataSource.class))
                .sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list();
    }

    /** A client without the contract check: these requests ask for what the process's document rightly lacks. */
    private static RestTestClient raw(ConfigurableApplicationContext context) {
        return RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).build();
    }
}
