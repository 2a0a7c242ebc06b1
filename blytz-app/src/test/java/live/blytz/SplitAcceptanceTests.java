package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import javax.sql.DataSource;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
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
