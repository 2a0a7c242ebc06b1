package live.blytz.auth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A session ends when idle too long or at its absolute end; its refresh tokens are stored only as hashes. */
@BlytzIntegrationTest
class SessionExpiryTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void idleAndAbsoluteSessionExpiryEndRefresh() {
        TestAccounts.Account idle = new TestAccounts(http).register(Role.BUYER);
        jdbc.sql("UPDATE auth.sessions SET last_used_at = now() - interval '8 days' WHERE account_id = :id")
                .param("id", idle.id().value()).update();
        refresh(idle.refreshToken(), 401);

        TestAccounts.Account old = new TestAccounts(http).register(Role.BUYER);
        jdbc.sql("UPDATE auth.sessions SET created_at = now() - interval '31 days', expires_at = now() - interval '1 day' "
                + "WHERE account_id = :id").param("id", old.id().value()).update();
        refresh(old.refreshToken(), 401);

        TestAccounts.Account fresh = new TestAccounts(http).register(Role.BUYER);
        refresh(fresh.refreshToken(), 200);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        assertThat(jdbc.sql("SELECT count(*) FROM auth.refresh_tokens WHERE token_hash = :token")
                .param("token", buyer.refreshToken()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM auth.refresh_tokens WHERE token_hash = :hash")
                .param("hash", Secrets.hash(buyer.refreshToken())).query(Long.class).single()).isOne();
    }

    private void refresh(String refreshToken, int status) {
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isEqualTo(status);
    }
}
