package live.blytz.auth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.UnauthorizedException;
import live.blytz.sharedkernel.web.ClientAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
    LoginService logins;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSuspensionDuringThePasswordCheckRefusesTheLogin() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Account verified = accountRepository.findById(user.id().value()).orElseThrow();

        http.post().uri("/api/v1/auth/accounts/{id}/suspend", user.id().value())
                .header("Authorization", new TestAccounts(http).admin().bearer())
                .exchange().expectStatus().isNoContent();

        assertThatThrownBy(() -> logins.openVerified(verified, null, CLIENT)).isInstanceOf(ForbiddenException.class);
        assertThat(activeSessions(user)).isZero();
    }

    @Test
    void aPasswordChangeDuringThePasswordCheckRefusesTheOldPassword() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        Account verified = accountRepository.findById(user.id().value()).orElseThrow();

        http.post().uri("/api/v1/auth/change-password").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("current_password", user.password(), "new_password", "a brand new passphrase 42"))
                .exchange().expectStatus().isNoContent();
        // The session that changed the password stays: the refused login must not add one.
        long sessions = activeSessions(user);

        assertThatThrownBy(() -> logins.openVerified(verified, null, CLIENT))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(activeSessions(user)).isEqualTo(sessions);
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
