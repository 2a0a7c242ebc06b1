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
import org.springframework.test.web.servlet.client.RestTestClient;

/** Password reset and e-mail verification, with the mails read from a real SMTP server. */
@BlytzIntegrationTest
class MailFlowTests {

    @Autowired
    RestTestClient http;

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
    void aNewResetTokenVoidsTheOlderOne() throws Exception {
        Account buyer = new TestAccounts(http).register(Role.BUYER);
        requestReset(buyer.email());
        String first = TestMailbox.tokenMailedTo(buyer.email());
        requestReset(buyer.email());
        String second = awaitNewToken(buyer.email(), first);
        confirmReset(first, "my brand new passphrase", 400);
        confirmReset(second, "my brand new passphrase", 204);
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
