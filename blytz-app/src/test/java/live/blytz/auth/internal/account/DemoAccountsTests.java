package live.blytz.auth.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The demo profile's accounts: created once, through registration, with passwords generated at that start and
 * shown once in its log; never under prod. Each test seeds its own e-mail domain, as a first start would.
 */
@BlytzIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTests {

    @Autowired
    RestTestClient http;

    @Autowired
    RegistrationService registrations;

    @Autowired
    AccountRepository accounts;

    @Test
    void theFirstStartCreatesAnAdminASellerAndABuyerWhosePasswordsWorkAndAreShownOnce(CapturedOutput output) {
        String domain = "demo-" + UUID.randomUUID() + ".blytz.test";
        DemoAccounts seeder = seeder(domain, "demo");

        List<DemoAccounts.Created> created = seeder.seed();

        assertThat(created).extracting(DemoAccounts.Created::email)
                .containsExactly("admin@" + domain, "seller@" + domain, "buyer@" + domain);
        assertThat(created).extracting(DemoAccounts.Created::role).containsExactly(Role.ADMIN, Role.SELLER, Role.BUYER);
        assertThat(created).extracting(DemoAccounts.Created::password).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).hasSizeGreaterThanOrEqualTo(16));
        for (DemoAccounts.Created account : created) {
            assertThat(output.getAll()).containsOnlyOnce(account.password());
            String id = login(account.email(), account.password(), account.role());
            if (account.role() == Role.SELLER) {
                // Created through registration: the users module learns of the seller from UserRegistered.
                await().untilAsserted(() -> http.get().uri("/api/v1/users/{id}", id).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.user.display_name").isEqualTo("Demo S.")
                        .jsonPath("$.user.role").isEqualTo("seller"));
            }
        }

        // A second start finds them: it creates nothing, shows no password, and says that they exist.
        int before = output.getAll().length();
        assertThat(seeder.seed()).isEmpty();
        String secondStart = output.getAll().substring(before);
        assertThat(secondStart).contains("Demo accounts exist", "admin@" + domain);
        created.forEach(account -> assertThat(secondStart).doesNotContain(account.password()));
        created.forEach(account -> login(account.email(), account.password(), account.role()));
    }

    @Test
    void everyFirstStartGeneratesNewPasswords() {
        List<String> passwords = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            seeder("demo-" + UUID.randomUUID() + ".blytz.test", "demo").seed()
                    .forEach(account -> passwords.add(account.password()));
        }
        assertThat(passwords).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void nothingIsCreatedUnderProd() {
        String domain = "demo-" + UUID.randomUUID() + ".blytz.test";

        assertThat(seeder(domain, "demo", "prod").seed()).isEmpty();

        for (String user : List.of("admin", "seller", "buyer")) {
            assertThat(accounts.existsByEmail(user + "@" + domain)).isFalse();
        }
    }

    private DemoAccounts seeder(String domain, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        // Auth's defaults but the domain (auth's TestAuthProperties lives in blytz-auth's tests, out of reach here).
        AuthProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("blytz.auth.demo.email-domain", domain))).bindOrCreate("blytz.auth", AuthProperties.class);
        return new DemoAccounts(registrations, accounts, properties, environment);
    }

    /** Logs in over HTTP and checks the role; returns the account's id. */
    @SuppressWarnings("unchecked")
    private String login(String email, String password, Role role) {
        Map<String, Object> user = (Map<String, Object>) http.post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("user");
        assertThat(user).containsEntry("role", role.code());
        return (String) user.get("id");
    }
}
