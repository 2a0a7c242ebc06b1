package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import live.blytz.sharedkernel.web.ClientAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A suspension or password change committed while a login's password check runs (outside any transaction) wins:
 * the login, verified against the account as it was, gets no session and no token.
 */
@BlytzIntegrationTest
class LoginRaceTests {

    private static final ClientInfo CLIENT = new ClientInfo(new ClientAddress("10.9.8.7", "10.9.8.7"), "race-test");

    @Autowired
    RestTestClient http;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    AccountService accounts;

    @Autowired
    LoginService logins;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSuspensionDuringThePasswordCheckRefusesTheLogin() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Account verified = accountRepository.findById(user.id().value()).orElseThrow();

        accounts.suspend(UserId.newId(), user.id());

        assertThatThrownBy(() -> logins.openVerified(verified, null, CLIENT)).isInstanceOf(ForbiddenException.class);
        assertThat(activeSessions(user)).isZero();
    }

    @Test
    void aPasswordChangeDuringThePasswordCheckRefusesTheOldPassword() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Account verified = accountRepository.findById(user.id().value()).orElseThrow();

        accounts.changePassword(user.id(), null, user.password(), "a brand new passphrase 42", "10.0.0.1");

        assertThatThrownBy(() -> logins.openVerified(verified, null, CLIENT))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(activeSessions(user)).isZero();
    }

    @Test
    void anUnchangedAccountLogsIn() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Account verified = accountRepository.findById(user.id().value()).orElseThrow();

        TokenPair pair = logins.openVerified(verified, null, CLIENT);

        assertThat(pair.accessToken()).isNotBlank();
        assertThat(activeSessions(user)).isEqualTo(2);
    }

    private long activeSessions(TestAccounts.Account user) {
        return jdbc.sql("SELECT count(*) FROM auth.sessions WHERE account_id = :id AND revoked_at IS NULL")
                .param("id", user.id().value()).query(Long.class).single();
    }
}
