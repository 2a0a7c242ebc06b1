package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.Concurrently;
import live.blytz.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Password policy, long passwords, concurrent registration, enumeration resistance, login throttling, and the
 * device tokens that keep the owner from being locked out by it (ADR 0016).
 */
@BlytzIntegrationTest
class PasswordAndThrottleTests {

    private static final String DEVICE_HEADER = "Blytz-Device-Token";

    @Autowired
    RestTestClient http;

    static String newEmail() {
        return "pw-" + UUID.randomUUID() + "@blytz.test";
    }

    @Test
    void aHundredBytePasswordRoundTripsAndItsPrefixDoesNotMatch() {
        // 25 four-byte characters = 100 UTF-8 bytes: past bcrypt's 72, within the 128-character policy.
        String password = "😀".repeat(24) + "x";
        assertThat(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(97);
        String email = newEmail();
        register(email, password).expectStatus().isCreated();
        TestAccounts.Account account = new TestAccounts(http).login(email, password);
        assertThat(account.accessToken()).isNotBlank();
        // Same first 72 bytes, different end: bcrypt alone would have accepted it.
        login(email, "😀".repeat(24) + "y", AuthTestSupport.randomIp()).expectStatus().isUnauthorized();
    }

    @Test
    void anyUnicodeIsAllowedAndNormalised() {
        String email = newEmail();
        register(email, "Ça va très bien, merci").expectStatus().isCreated();
        // "ç" as c + combining cedilla is the same password after NFKC normalisation.
        new TestAccounts(http).login(email, "C\u0327a va tre\u0300s bien, merci");
    }

    @Test
    void policyRefusesShortTooLongAndCommonPasswords() {
        expectPasswordProblem("short1", "at least 8");
        expectPasswordProblem("x".repeat(129), "at most 128");
        expectPasswordProblem("password123", "too common");
        expectPasswordProblem("Iloveyou", "too common");
        expectPasswordProblem("         ", "only spaces");
        register(newEmail(), "x".repeat(128)).expectStatus().isCreated();
    }

    @Test
    void twentyConcurrentRegistrationsOfOneEmailMakeExactlyOneAccount() throws Exception {
        String email = newEmail();
        // From twenty clients: one client may not have more than a few password hashes running at once.
        List<Integer> statuses = Concurrently.run(20, () -> http.post().uri("/api/v1/auth/register")
                .contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", AuthTestSupport.randomIp())
                .body(Map.of("email", email.toUpperCase(), "password", "a fine long passphrase"))
                .exchange().returnResult().getStatus().value());
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
    }

    @Test
    void oneClientGetsA429ForTooManyPasswordChecksAtOnceWhileOthersGoOn() throws Exception {
        String ip = AuthTestSupport.randomIp();
        List<Integer> statuses = Concurrently.run(12, () -> login(newEmail(), "wrong guess", ip)
                .returnResult().getStatus().value());
        assertThat(statuses).contains(429).allMatch(status -> status == 401 || status == 429);
        login(newEmail(), "wrong guess", AuthTestSupport.randomIp()).expectStatus().isUnauthorized();
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        String email = newEmail();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        EntityExchangeResult<Map> wrong = login(email, "not the passphrase", AuthTestSupport.randomIp())
                .expectStatus().isUnauthorized().returnResult(Map.class);
        EntityExchangeResult<Map> unknown = login(newEmail(), "not the passphrase", AuthTestSupport.randomIp())
                .expectStatus().isUnauthorized().returnResult(Map.class);
        assertThat(withoutRequestSpecifics(unknown.getResponseBody()))
                .isEqualTo(withoutRequestSpecifics(wrong.getResponseBody()));
        assertThat(unknown.getResponseHeaders().getFirst("WWW-Authenticate"))
                .isEqualTo(wrong.getResponseHeaders().getFirst("WWW-Authenticate"));
    }

    @Test
    void throttlingKicksInAndLifts() throws Exception {
        String email = newEmail();
        String ip = AuthTestSupport.randomIp();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        // The test profile allows 3 free failures per account and address, then waits of 1 s, 2 s (capped at 2 s).
        for (int i = 0; i < 4; i++) {
            login(email, "wrong guess " + i, ip).expectStatus().isUnauthorized();
        }
        // Even the right password waits now, from that address: the throttle answers before the password is checked.
        String retryAfter = login(email, "a fine long passphrase", ip)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType("application/problem+json")
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 2L);

        Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)).plusMillis(200));
        login(email, "a fine long passphrase", ip).expectStatus().isOk();
        // Success cleared the account's failures: the next mistake is free again.
        login(email, "wrong again", ip).expectStatus().isUnauthorized();
        login(email, "a fine long passphrase", ip).expectStatus().isOk();
    }

    @Test
    void anAttackerAtOneAddressDoesNotLockTheOwnerOut() {
        String email = newEmail();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        String attacker = AuthTestSupport.randomIp();
        for (int i = 0; i < 4; i++) {
            login(email, "wrong guess " + i, attacker).expectStatus().isUnauthorized();
        }
        login(email, "a fine long passphrase", attacker).expectStatus().isEqualTo(429);
        // The owner, elsewhere, is not made to wait.
        login(email, "a fine long passphrase", AuthTestSupport.randomIp()).expectStatus().isOk();
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeLogins() {
        String email = newEmail();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        String ip = AuthTestSupport.randomIp();
        TestAccounts.Account account = new TestAccounts(http).login(email, "a fine long passphrase");
        for (int i = 0; i < 4; i++) {
            changePassword(account, "wrong guess " + i, ip).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("current_password");
        }
        changePassword(account, "a fine long passphrase", ip).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void throttlingPerClientAddressCoversUnknownAccounts() {
        String ip = AuthTestSupport.randomIp();
        // The test profile allows 50 free failures per address; unknown e-mails count like known ones.
        for (int i = 0; i < 51; i++) {
            login(newEmail(), "wrong guess", ip).expectStatus().isUnauthorized();
        }
        login(newEmail(), "wrong guess", ip).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        // Another address is not affected.
        login(newEmail(), "wrong guess", AuthTestSupport.randomIp()).expectStatus().isUnauthorized();
    }

    @Test
    void theOwnersKnownDevicesLogInWhileGuessesFromElsewhereKeepTheAccountThrottled() {
        String email = newEmail();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        // The owner logged in before from a browser (cookie) and a phone (header): each got a device token.
        HttpHeaders browserLogin = login(email, "a fine long passphrase", AuthTestSupport.randomIp())
                .expectStatus().isOk().returnResult(Map.class).getResponseHeaders();
        String setCookie = browserLogin.getFirst(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith("blytz_device=").contains("; Path=/api/v1/auth/login", "; Secure",
                "; HttpOnly", "; SameSite=Strict", "; Max-Age=");
        String browserToken = setCookie.substring("blytz_device=".length(), setCookie.indexOf(';'));
        assertThat(browserLogin.getFirst(DEVICE_HEADER)).isEqualTo(browserToken);
        String phoneToken = deviceToken(email);

        lockAccountWide(email);
        // A client the account has not seen waits, whatever it sends: the right password ...
        login(email, "a fine long passphrase", AuthTestSupport.randomIp()).expectStatus().isEqualTo(429);
        // ... a made-up or altered token, or the token of another account.
        String otherAccountsToken = deviceToken(registered());
        String altered = (phoneToken.charAt(10) == 'A' ? "B" : "A");
        altered = phoneToken.substring(0, 10) + altered + phoneToken.substring(11);
        for (String token : List.of("made-up", altered, otherAccountsToken)) {
            loginWithDeviceHeader(email, "a fine long passphrase", token).expectStatus().isEqualTo(429);
        }

        // The owner's devices are not held up, from any address.
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .header(HttpHeaders.COOKIE, "blytz_device=" + browserToken)
                .body(Map.of("email", email, "password", "a fine long passphrase"))
                .exchange().expectStatus().isOk();
        loginWithDeviceHeader(email, "a fine long passphrase", phoneToken).expectStatus().isOk()
                .expectHeader().exists(DEVICE_HEADER);
        // Their success does not reopen the account to the guessing clients.
        login(email, "a fine long passphrase", AuthTestSupport.randomIp()).expectStatus().isEqualTo(429);
    }

    @Test
    void aKnownDeviceThatKeepsFailingIsThrottledLikeAnyOtherClient() {
        String email = registered();
        String device = deviceToken(email);
        lockAccountWide(email);
        loginWithDeviceHeader(email, "a fine long passphrase", device).expectStatus().isOk();
        // The test profile gives a device 3 free failures; the 4th makes it wait, as an unknown client.
        for (int i = 0; i < 4; i++) {
            loginWithDeviceHeader(email, "wrong guess " + i, device).expectStatus().isUnauthorized();
        }
        loginWithDeviceHeader(email, "a fine long passphrase", device).expectStatus().isEqualTo(429);
    }

    @Test
    void browsersOfAnAllowedOriginMaySendTheDeviceCookieAndHeader() {
        http.options().uri("/api/v1/auth/login")
                .header("Origin", "https://app.blytz.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type, " + DEVICE_HEADER)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true")
                .expectHeader().value("Access-Control-Allow-Headers", headers -> assertThat(headers)
                        .containsIgnoringCase(DEVICE_HEADER));
    }

    @Test
    void parallelGuessesFromManyAddressesGetNoMoreThanTheFreeFailures() throws Exception {
        String email = registered();
        // Forty wrong guesses at once, each from an address of its own: each is reserved as a failure before bcrypt,
        // so only the account-wide rule's 10 free failures (test profile) and the one that starts the wait reach the
        // password check, as if they had come one after another; the rest are refused at once.
        List<Integer> statuses = Concurrently.run(40, () -> login(email, "wrong guess",
                AuthTestSupport.randomIp()).returnResult().getStatus().value());
        assertThat(statuses).allMatch(status -> status == 401 || status == 429);
        assertThat(statuses).filteredOn(status -> status == 401).hasSizeBetween(1, 11);
        login(email, "a fine long passphrase", AuthTestSupport.randomIp()).expectStatus().isEqualTo(429);
    }

    @Test
    void parallelGuessesWithAStolenDeviceTokenGetNoMoreThanItsFreeFailures() throws Exception {
        String email = registered();
        String stolen = deviceToken(email);
        lockAccountWide(email);
        // The device's 3 free failures (test profile) and the one that starts its wait; then it is an unknown
        // client, which the account-wide wait holds up.
        List<Integer> statuses = Concurrently.run(20, () -> loginWithDeviceHeader(email,
                "wrong guess", stolen).returnResult().getStatus().value());
        assertThat(statuses).allMatch(status -> status == 401 || status == 429);
        assertThat(statuses).filteredOn(status -> status == 401).hasSizeBetween(1, 4);
    }

    @Test
    void theClientThatConfirmsAPasswordResetGetsADeviceTokenThatLetsTheOwnerIn() throws Exception {
        String email = registered();
        lockAccountWide(email);
        HttpHeaders confirmed = resetPassword(email, "a new fine passphrase");
        String setCookie = confirmed.getFirst(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith("blytz_device=").contains("; Path=/api/v1/auth/login", "; Secure",
                "; HttpOnly", "; SameSite=Strict", "; Max-Age=");
        String device = confirmed.getFirst(DEVICE_HEADER);
        assertThat(setCookie).startsWith("blytz_device=" + device + ";");

        // The attack goes on: a client the account has not seen still waits, even with the new password ...
        login(email, "a new fine passphrase", AuthTestSupport.randomIp()).expectStatus().isEqualTo(429);
        // ... while the device that proved control of the mailbox logs in, as a phone (header) or a browser (cookie).
        loginWithDeviceHeader(email, "a new fine passphrase", device).expectStatus().isOk();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .header(HttpHeaders.COOKIE, "blytz_device=" + device)
                .body(Map.of("email", email, "password", "a new fine passphrase"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void deviceTokensIssuedBeforeAPasswordResetAreNoLongerTrusted() throws Exception {
        String email = registered();
        String before = deviceToken(email);
        lockAccountWide(email);
        resetPassword(email, "a new fine passphrase");
        // Whoever held that token (a stolen phone, say) is an unknown client now, held up like any other.
        loginWithDeviceHeader(email, "a new fine passphrase", before).expectStatus().isEqualTo(429);
    }

    @Test
    void deviceTokensIssuedBeforeAPasswordChangeAreNoLongerTrusted() {
        String email = registered();
        String before = deviceToken(email);
        TestAccounts.Account account = new TestAccounts(http).login(email, "a fine long passphrase");
        http.post().uri("/api/v1/auth/change-password").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", account.bearer())
                .body(Map.of("current_password", "a fine long passphrase", "new_password", "a new fine passphrase"))
                .exchange().expectStatus().isNoContent();
        lockAccountWide(email);
        loginWithDeviceHeader(email, "a new fine passphrase", before).expectStatus().isEqualTo(429);
    }

    /** Asks for a reset mail, confirms it with {@code newPassword}, and returns the confirmation's headers. */
    private HttpHeaders resetPassword(String email, String newPassword) throws InterruptedException {
        http.post().uri("/api/v1/auth/password-reset/request").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email))
                .exchange().expectStatus().isAccepted();
        String token = TestMailbox.tokenMailedTo(email);
        return http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .body(Map.of("token", token, "new_password", newPassword))
                .exchange().expectStatus().isNoContent()
                .returnResult().getResponseHeaders();
    }

    /** Eleven wrong guesses from eleven addresses: past the 10 free account-wide failures of the test profile. */
    private void lockAccountWide(String email) {
        for (int i = 0; i < 11; i++) {
            login(email, "wrong guess " + i, AuthTestSupport.randomIp()).expectStatus().isUnauthorized();
        }
    }

    private String registered() {
        String email = newEmail();
        register(email, "a fine long passphrase").expectStatus().isCreated();
        return email;
    }

    private String deviceToken(String email) {
        return login(email, "a fine long passphrase", AuthTestSupport.randomIp()).expectStatus().isOk()
                .returnResult(Map.class).getResponseHeaders().getFirst(DEVICE_HEADER);
    }

    private RestTestClient.ResponseSpec loginWithDeviceHeader(String email, String password, String deviceToken) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", AuthTestSupport.randomIp())
                .header(DEVICE_HEADER, deviceToken)
                .body(Map.of("email", email, "password", password))
                .exchange();
    }

    @Test
    void anIpv6ClientIsThrottledOnItsSlash64NotPerAddress() {
        String network = AuthTestSupport.randomIpv6Network();
        for (int host = 1; host <= 51; host++) {
            login(newEmail(), "wrong guess", network + Integer.toHexString(host)).expectStatus().isUnauthorized();
        }
        login(newEmail(), "wrong guess", network + "beef").expectStatus().isEqualTo(429);
        login(newEmail(), "wrong guess", AuthTestSupport.randomIpv6Network() + "1").expectStatus().isUnauthorized();
    }

    private void expectPasswordProblem(String password, String message) {
        register(newEmail(), password)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(String.class, text -> assertThat(text).contains(message));
    }

    private RestTestClient.ResponseSpec register(String email, String password) {
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange();
    }

    private RestTestClient.ResponseSpec login(String email, String password, String ip) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", password))
                .exchange();
    }

    private RestTestClient.ResponseSpec changePassword(TestAccounts.Account account, String current, String ip) {
        return http.post().uri("/api/v1/auth/change-password").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", account.bearer())
                .header("X-Forwarded-For", ip)
                .body(Map.of("current_password", current, "new_password", "another fine passphrase"))
                .exchange();
    }

    private static Map<?, ?> withoutRequestSpecifics(Map<?, ?> problem) {
        Map<Object, Object> copy = new java.util.HashMap<>(problem);
        copy.remove("request_id");
        return copy;
    }
}
