package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.TestAuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashingTests {

    @Test
    void newHashesArePepperedPreHashedBcryptAtTheConfiguredCost() {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(10, 1, 4));
        String hash = hashing.hash("a fine long passphrase", "test");
        assertThat(hash).startsWith("{bcrypt-hmac-sha256}$2a$10$");
        assertThat(hashing.matches("a fine long passphrase", hash, "test")).isTrue();
        assertThat(hashing.matches("a fine long passphrasE", hash, "test")).isFalse();
        assertThat(hashing.needsRehash(hash)).isFalse();
        hashing.destroy();
    }

    @Test
    void aStolenHashCannotBeTestedWithoutThePepper() throws Exception {
        String password = "a fine long passphrase";
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withPepper(TestAuthProperties.PEPPER));
        String bcrypt = hashing.hash(password, "test").substring("{bcrypt-hmac-sha256}".length());
        BCryptPasswordEncoder plain = new BCryptPasswordEncoder(10);

        // The pre-hash is HMAC-SHA256 under the pepper: an unsalted SHA-256 (leaked elsewhere) does not fit it ...
        assertThat(plain.matches(base64(MessageDigest.getInstance("SHA-256").digest(utf8(password))), bcrypt)).isFalse();
        // ... and neither does the right password under another pepper.
        PasswordHashing otherServer = new PasswordHashing(TestAuthProperties.withPepper("another pepper, thirty-two characters long"));
        assertThat(otherServer.matches(password, "{bcrypt-hmac-sha256}" + bcrypt, "test")).isFalse();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(utf8(TestAuthProperties.PEPPER), "HmacSHA256"));
        assertThat(plain.matches(base64(mac.doFinal(utf8(password))), bcrypt)).isTrue();
        hashing.destroy();
        otherServer.destroy();
    }

    @Test
    void passwordsBeyond72BytesKeepEveryByte() {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(10, 1, 4));
        String longPassword = "ä".repeat(50);   // 100 bytes
        assertThat(longPassword.getBytes(StandardCharsets.UTF_8)).hasSize(100);
        String hash = hashing.hash(longPassword, "test");
        assertThat(hashing.matches(longPassword, hash, "test")).isTrue();
        assertThat(hashing.matches("ä".repeat(49) + "ö", hash, "test")).isFalse();
        hashing.destroy();
    }

    @Test
    void unpepperedAndPlainBcryptAndLowerCostHashesStillMatchAndAskForARehash() throws Exception {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(11, 1, 4));
        String password = "an old passphrase";
        String legacy = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        String unpeppered = "{bcrypt-sha256}" + new BCryptPasswordEncoder(4)
                .encode(base64(MessageDigest.getInstance("SHA-256").digest(utf8(password))));
        String cheaper = new PasswordHashing(TestAuthProperties.withHashing(10, 1, 4)).hash(password, "test");
        for (String stored : java.util.List.of(legacy, unpeppered, cheaper)) {
            assertThat(hashing.matches(password, stored, "test")).as(stored).isTrue();
            assertThat(hashing.matches("not " + password, stored, "test")).as(stored).isFalse();
            assertThat(hashing.needsRehash(stored)).as(stored).isTrue();
        }
        hashing.destroy();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSaturatedPoolRefusesAtOnceInsteadOfQueueing() throws Exception {
        // One worker, one waiting slot: of twelve simultaneous hashes at cost 10 (~80 ms each) most are refused.
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(10, 1, 1));
        ExecutorService callers = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String client = "client-" + i;
            results.add(callers.submit(() -> {
                start.await();
                try {
                    hashing.hash("a fine long passphrase", client);
                    return "hashed";
                } catch (TooManyRequestsException e) {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    return "refused";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        callers.shutdown();
        hashing.destroy();
        assertThat(outcomes).contains("hashed", "refused");
        assertThat(outcomes).filteredOn("hashed"::equals).hasSizeLessThan(12);
    }

    @Test
    void oneClientCannotFillThePoolForEverybodyElse() throws Exception {
        // A roomy queue, but at most two jobs per client address key (TestAuthProperties) at cost 13 (~0.6 s each).
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(13, 1, 32));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = callers.submit(() -> hashing.hash("first passphrase", "2001:db8:1:2:0:0:0:0/64"));
            Future<String> second = callers.submit(() -> hashing.hash("second passphrase", "2001:db8:1:2:0:0:0:0/64"));
            Thread.sleep(200);
            assertThatThrownBy(() -> hashing.hash("third passphrase", "2001:db8:1:2:0:0:0:0/64"))
                    .isInstanceOf(TooManyRequestsException.class);
            assertThat(hashing.hash("another client's passphrase", "198.51.100.7")).startsWith("{bcrypt-hmac-sha256}");
            first.get();
            second.get();
            // Its jobs done, the client is admitted again.
            assertThat(hashing.hash("fourth passphrase", "2001:db8:1:2:0:0:0:0/64")).startsWith("{bcrypt-hmac-sha256}");
        } finally {
            callers.shutdown();
            hashing.destroy();
        }
    }

    @Test
    void theBundledListHasAtLeastTenThousandCommonPasswords() {
        PasswordPolicy policy = new PasswordPolicy(TestAuthProperties.withHashing(10, 1, 1));
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
        assertThat(policy.problem("qwertyuiop")).isPresent();
        assertThat(policy.problem("QWERTYUIOP")).isPresent();
        assertThat(policy.problem("unusual words in a row")).isEmpty();
    }

    @Test
    void throttleDelaysDoubleUpToTheCap() {
        AuthProperties.Throttle.Rule rule = new AuthProperties.Throttle.Rule(5, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(15));
        assertThat(LoginThrottle.delay(rule, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delay(rule, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delay(rule, 4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LoginThrottle.delay(rule, 5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoginThrottle.delay(rule, 1_000)).isEqualTo(Duration.ofSeconds(10));
    }
}
