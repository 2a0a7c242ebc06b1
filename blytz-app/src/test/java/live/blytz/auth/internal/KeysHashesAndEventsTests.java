package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.EmailVerified;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.web.ClientAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Key rotation, hash upgrade on login, and the events every account change publishes. */
@BlytzIntegrationTest
@RecordApplicationEvents
class KeysHashesAndEventsTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    LoginService logins;

    @Autowired
    MailedTokenService mailed;

    @Autowired
    OneTimeTokens oneTimeTokens;

    @Autowired
    ApplicationEvents events;

    @Test
    void rotationSignsWithANewKeyAndKeepsThePreviousOneInTheJwks() throws Exception {
        TestAccounts.Account before = new TestAccounts(http).register(Role.BUYER);
        String oldKid = SignedJWT.parse(before.accessToken()).getHeader().getKeyID();

        String newKid = (String) http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).admin().bearer())
                .exchange().expectStatus().isOk()
                .returnResult(java.util.Map.class).getResponseBody().get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet jwks = JWKSet.parse(new String(http.get().uri("/.well-known/jwks.json").exchange()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
        assertThat(jwks.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();

        // Tokens of the previous key keep working until they expire; new tokens carry the new key id.
        http.get().uri("/api/v1/auth/sessions").header("Authorization", before.bearer())
                .exchange().expectStatus().isOk();
        TestAccounts.Account after = new TestAccounts(http).login(before.email(), before.password());
        assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
    }

    @Test
    void rotationIsForAdminsOnly() {
        http.post().uri("/api/v1/auth/signing-keys/rotate")
                .header("Authorization", new TestAccounts(http).register(Role.SELLER).bearer())
                .exchange().expectStatus().isForbidden();
    }

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
    void anExpiredMailedTokenIsRefused() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        String token = oneTimeTokens.issue(buyer.id().value(), buyer.email(), OneTimeTokens.Purpose.PASSWORD_RESET)
                .orElseThrow();
        jdbc.sql("UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second' WHERE account_id = :id")
                .param("id", buyer.id().value()).update();
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("token", token, "new_password", "my brand new passphrase"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
        // Mailed tokens are stored only as hashes.
        assertThat(jdbc.sql("SELECT count(*) FROM auth.one_time_tokens WHERE token_hash = :token")
                .param("token", token).query(Long.class).single()).isZero();
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
        http.post().uri("/api/v1/auth/refresh").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isEqualTo(status);
    }

    private void expectAccess(TestAccounts.Account account, int status) {
        http.get().uri("/api/v1/auth/sessions").header("Authorization", account.bearer())
                .exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void registrationPublishesUserRegistered() {
        String email = "events-" + UUID.randomUUID() + "@blytz.test";
        AccountView view = accounts.register(new Registration(email, "a fine long passphrase", Role.SELLER,
                "Ada", "Lovelace", "+44 20 7946 0958"), "test");
        assertThat(events.stream(UserRegistered.class)).singleElement().satisfies(event -> {
            assertThat(event.userId()).isEqualTo(new UserId(view.id()));
            assertThat(event.email()).isEqualTo(email);
            assertThat(event.role()).isEqualTo(Role.SELLER);
            assertThat(event.firstName()).isEqualTo("Ada");
            assertThat(event.lastName()).isEqualTo("Lovelace");
            assertThat(event.phone()).isEqualTo("+44 20 7946 0958");
            assertThat(event.accountVersion()).isZero();
            assertThat(event.occurredAt()).isNotNull();
        });
    }

    @Test
    void everyAccountChangePublishesItsEventWithAGrowingVersion() {
        String email = "events-" + UUID.randomUUID() + "@blytz.test";
        UserId user = new UserId(accounts.register(new Registration(email, "a fine long passphrase", Role.BUYER,
                null, null, null), "test").id());
        UserId admin = new UserId(UUID.randomUUID());

        logins.login(email, "a fine long passphrase", new ClientInfo(new ClientAddress("10.9.8.7", "10.9.8.7"), "test"),
                null);
        accounts.changePassword(user, null, "a fine long passphrase", "another long passphrase", "10.0.0.1");
        accounts.changeRole(admin, user, Role.SELLER);
        accounts.suspend(admin, user);
        accounts.reactivate(user);
        String token = oneTimeTokens.issue(user.value(), email, OneTimeTokens.Purpose.EMAIL_VERIFICATION).orElseThrow();
        mailed.confirmEmail(token);

        long registered = events.stream(UserRegistered.class).findFirst().orElseThrow().accountVersion();
        long loggedIn = events.stream(UserLoggedIn.class).findFirst().orElseThrow().accountVersion();
        long passwordChanged = events.stream(PasswordChanged.class).findFirst().orElseThrow().accountVersion();
        RoleChanged roleChanged = events.stream(RoleChanged.class).findFirst().orElseThrow();
        long suspended = events.stream(AccountSuspended.class).findFirst().orElseThrow().accountVersion();
        long reactivated = events.stream(AccountReactivated.class).findFirst().orElseThrow().accountVersion();
        EmailVerified verified = events.stream(EmailVerified.class).findFirst().orElseThrow();

        assertThat(roleChanged.role()).isEqualTo(Role.SELLER);
        assertThat(verified.email()).isEqualTo(email);
        assertThat(List.of(registered, loggedIn, passwordChanged, roleChanged.accountVersion(), suspended,
                reactivated, verified.accountVersion())).isSorted().doesNotHaveDuplicates();
        long stored = jdbc.sql("SELECT version FROM auth.accounts WHERE id = :id").param("id", user.value())
                .query(Long.class).single();
        assertThat(verified.accountVersion()).isEqualTo(stored);
    }
}
