package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashingTests {

    @Test
    void newHashesArePreHashedBcryptAtTheConfiguredCost() {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(5, 1, 4));
        String hash = hashing.hash("a fine long passphrase");
        assertThat(hash).startsWith("{bcrypt-sha256}$2a$05$");
        assertThat(hashing.matches("a fine long passphrase", hash)).isTrue();
        assertThat(hashing.matches("a fine long passphrasE", hash)).isFalse();
        assertThat(hashing.needsRehash(hash)).isFalse();
        hashing.destroy();
    }

    @Test
    void passwordsBeyond72BytesKeepEveryByte() {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(4, 1, 4));
        String longPassword = "ä".repeat(50);   // 100 bytes
        assertThat(longPassword.getBytes(StandardCharsets.UTF_8)).hasSize(100);
        String hash = hashing.hash(longPassword);
        assertThat(hashing.matches(longPassword, hash)).isTrue();
        assertThat(hashing.matches("ä".repeat(49) + "ö", hash)).isFalse();
        hashing.destroy();
    }

    @Test
    void legacyBcryptAndLowerCostHashesStillMatchAndAskForARehash() {
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(6, 1, 4));
        String legacy = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("an old passphrase");
        assertThat(hashing.matches("an old passphrase", legacy)).isTrue();
        assertThat(hashing.needsRehash(legacy)).isTrue();
        String cheaper = new PasswordHashing(TestAuthProperties.withHashing(4, 1, 4)).hash("an old passphrase");
        assertThat(hashing.needsRehash(cheaper)).isTrue();
        hashing.destroy();
    }

    @Test
    void aSaturatedPoolRefusesAtOnceInsteadOfQueueing() throws Exception {
        // One worker, one waiting slot: of twelve simultaneous hashes at cost 10 (~80 ms each) most are refused.
        PasswordHashing hashing = new PasswordHashing(TestAuthProperties.withHashing(10, 1, 1));
        ExecutorService callers = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(callers.submit(() -> {
                start.await();
                try {
                    hashing.hash("a fine long passphrase");
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
    void theBundledListHasAtLeastTenThousandCommonPasswords() {
        PasswordPolicy policy = new PasswordPolicy(TestAuthProperties.withHashing(4, 1, 1));
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
