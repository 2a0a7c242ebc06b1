package live.blytz.auth.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.TestAuthProperties;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The configured first admin's address already belongs to someone who is not an admin. */
@BlytzIntegrationTest
class AdminBootstrapTests {

    @Autowired
    RestTestClient http;

    @Autowired
    RegistrationService registrations;

    @Autowired
    AccountRepository accounts;

    @Test
    void aNonAdminOwnerOfTheAdminAddressStopsAProductionStart() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> bootstrap(buyer.email(), prod).run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an admin");
        assertThat(accounts.findByEmail(buyer.email()).orElseThrow().role()).isEqualTo(Role.BUYER);
    }

    @Test
    void elsewhereItIsOnlyAWarning() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);

        assertThatNoException().isThrownBy(() ->
                bootstrap(buyer.email(), new MockEnvironment()).run(new DefaultApplicationArguments()));
        assertThat(accounts.findByEmail(buyer.email()).orElseThrow().role()).isEqualTo(Role.BUYER);
    }

    private AdminBootstrap bootstrap(String email, MockEnvironment environment) {
        return new AdminBootstrap(registrations, accounts,
                TestAuthProperties.withAdmin(email, "a configured admin passphrase"), environment);
    }
}
