package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A stored hash of an older kind is replaced by the current one at the next successful login. */
@BlytzIntegrationTest
class PasswordHashUpgradeTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void plainAndUnpepperedHashesAreUpgradedToThePepperedOneOnLogin() {
        for (Function<String, String> legacy : List.<Function<String, String>>of(
                password -> "{bcrypt}" + new BCryptPasswordEncoder(10).encode(password),
                password -> "{bcrypt-sha256}" + new BCryptPasswordEncoder(10).encode(base64Sha256(password)))) {
            TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
            jdbc.sql("UPDATE auth.accounts SET password_hash = :hash WHERE id = :id")
                    .param("hash", legacy.apply(buyer.password()))
                    .param("id", buyer.id().value()).update();

            new TestAccounts(http).login(buyer.email(), buyer.password());

            String stored = jdbc.sql("SELECT password_hash FROM auth.accounts WHERE id = :id")
                    .param("id", buyer.id().value()).query(String.class).single();
            assertThat(stored).startsWith("{bcrypt-hmac-sha256}$2a$10$");
            new TestAccounts(http).login(buyer.email(), buyer.password());
        }
    }

    private static String base64Sha256(String password) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
