package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Password reset and e-mail verification, with the mails read from a real SMTP server. */
@BlytzIntegrationTest
class MailFlowTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordResetSetsANewPasswordOnceAndEndsEverySession() throws Exception {
        Account buyer = new TestAccounts(http).register(Role.BUYER);
        requestReset(buyer.email().toUpperCase());
        String token = TestMailbox.tokenMailedTo(buyer.email());

        confirmReset(token, "password", 400);   // a common password does not spend the token
        confirmReset(token, "my brand new passphrase", 204);
        confirmReset(token, "yet another passphrase", 400);  // single use

        http.get().uri("/api/v1/auth/sessions").header("Authorization", buyer.bearer())
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", buyer.refreshToken()))
                .exchange().expectStatus().isUnauthorized();
        new TestAccounts(http).login(buyer.email(), "my brand new passphrase");
    }

    @Test
    void resetRequestForAnUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
        String unknown = "nobody-" + java.util.UUID.randomUUID() + "@blytz.test";
        requestReset(unknown);
        Thread.sleep(500);
        assertThat(TestMailbox.mailsTo(unknown)).isZero();
    }

    @Test
    void resetRequestForAMalformedAddressIsAcceptedToo() {
        requestReset("not an e-mail address");
    }

    @Test
    void reRequestsWithinTheCooldownSendNoMailAndKeepTheLiveResetLink() throws Exception {
        Account buyer = new TestAccounts(http).register(Role.BUYER);
        requestReset(buyer.email());
        String live = TestMailbox.tokenMailedTo(buyer.email());
        // An attacker asks again and again: still 202 each time, but no mail, and the owner's link keeps working.
        for (int i = 0; i < 3; i++) {
            requestReset(buyer.email().toUpperCase());
        }
        awaitEarlierMailJobs();
        assertThat(TestMailbox.mailsTo(buyer.email())).isOne();
        confirmReset(live, "my brand new passphrase", 204);
    }

    @Test
    void afterTheCooldownANewResetTokenVoidsTheOlderOne() throws Exception {
        Account buyer = new TestAccounts(http).register(Role.BUYER);
        requestReset(buyer.email());
        String first = TestMailbox.tokenMailedTo(buyer.email());
        issuedLongerAgoThanTheCooldown(buyer);
        requestReset(buyer.email());
        String second = awaitNewToken(buyer.email(), first);
        confirmReset(first, "my brand new passphrase", 400);
        confirmReset(second, "my brand new passphrase", 204);
    }

    @Test
    void verificationMailsHaveTheSameCooldown() throws Exception {
        Account seller = new TestAccounts(http).register(Role.SELLER);
        requestVerification(seller);
        String live = TestMailbox.tokenMailedTo(seller.email());
        requestVerification(seller);
        requestVerification(seller);
        awaitEarlierMailJobs();
        assertThat(TestMailbox.mailsTo(seller.email())).isOne();

        issuedLongerAgoThanTheCooldown(seller);
        requestVerification(seller);
        String second = awaitNewToken(seller.email(), live);
        assertThat(TestMailbox.mailsTo(seller.email())).isEqualTo(2);
        http.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", second))
                .exchange().expectStatus().isOk();
    }

    @Test
    void emailVerificationMarksTheAddressVerified() throws Exception {
        Account seller = new TestAccounts(http).register(Role.SELLER);
        http.post().uri("/api/v1/auth/email-verification/request").header("Authorization", seller.bearer())
                .exchange().expectStatus().isAccepted();
        String token = TestMailbox.tokenMailedTo(seller.email());

        http.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.user.email_verified").isEqualTo(true)
                .jsonPath("$.user.id").isEqualTo(seller.id().toString());
        http.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
    }

    @Test
    void verificationRequestNeedsALogin() {
        http.post().uri("/api/v1/auth/email-verification/request")
                .exchange().expectStatus().isUnauthorized();
    }

    private void requestVerification(Account account) {
        http.post().uri("/api/v1/auth/email-verification/request").header("Authorization", account.bearer())
                .exchange().expectStatus().isAccepted();
    }

    /** As if the account's live mailed token had been issued before the cooldown (5 minutes by default). */
    private void issuedLongerAgoThanTheCooldown(Account account) {
        jdbc.sql("UPDATE auth.one_time_tokens SET created_at = created_at - interval '6 minutes' WHERE account_id = :id")
                .param("id", account.id().value()).update();
    }

    /**
     * Mail jobs run one after another on one worker: once a mail requested now has arrived, every job requested
     * earlier has run, whether or not it sent anything.
     */
    private void awaitEarlierMailJobs() throws InterruptedException {
        Account marker = new TestAccounts(http).register(Role.BUYER);
        requestReset(marker.email());
        TestMailbox.tokenMailedTo(marker.email());
    }

    private void requestReset(String email) {
        http.post().uri("/api/v1/auth/password-reset/request").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email))
                .exchange().expectStatus().isAccepted();
    }

    private void confirmReset(String token, String password, int status) {
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token, "new_password", password))
                .exchange().expectStatus().isEqualTo(status);
    }

    private static String awaitNewToken(String email, String previous) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String token = TestMailbox.tokenMailedTo(email);
            if (!token.equals(previous)) {
                return token;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No second mail to " + email);
    }
}
