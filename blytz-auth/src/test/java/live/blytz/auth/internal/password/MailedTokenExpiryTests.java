package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Mailed tokens expire and are stored only as hashes. */
@BlytzIntegrationTest
class MailedTokenExpiryTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OneTimeTokenRepository oneTimeTokens;

    @Test
    void anExpiredMailedTokenIsRefused() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        String token = oneTimeTokens.issue(buyer.id().value(), buyer.email(),
                OneTimeTokenRepository.Purpose.PASSWORD_RESET).orElseThrow();
        jdbc.sql("UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second' WHERE account_id = :id")
                .param("id", buyer.id().value()).update();
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token, "new_password", "my brand new passphrase"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
        // Mailed tokens are stored only as hashes.
        assertThat(jdbc.sql("SELECT count(*) FROM auth.one_time_tokens WHERE token_hash = :token")
                .param("token", token).query(Long.class).single()).isZero();
    }
}
