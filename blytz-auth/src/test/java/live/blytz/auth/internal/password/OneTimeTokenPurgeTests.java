package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Used and expired mailed tokens are purged on a schedule, by several instances at once if need be. */
@BlytzIntegrationTest
class OneTimeTokenPurgeTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OneTimeTokenRepository oneTimeTokens;

    @Autowired
    OneTimeTokenPurge purge;

    @Autowired
    AuthProperties properties;

    @Test
    void theScheduledPurgeDeletesUsedAndExpiredTokens() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        String expired = oneTimeTokens.issue(user.id().value(), user.email(),
                OneTimeTokenRepository.Purpose.PASSWORD_RESET).orElseThrow();
        String used = oneTimeTokens.issue(user.id().value(), user.email(),
                OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION).orElseThrow();
        oneTimeTokens.redeem(used, OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION).orElseThrow();
        jdbc.sql("UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .param("hash", Secrets.hash(expired)).update();

        // The test profile purges every second.
        awaitGone(Secrets.hash(expired));
        awaitGone(Secrets.hash(used));
    }

    @Test
    void purgesRunningAtOnceOnSeveralInstancesShareTheWork() {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        int rows = properties.purge().batchSize() * 5 / 2;
        jdbc.sql("""
                INSERT INTO auth.one_time_tokens (token_hash, account_id, purpose, email, created_at, expires_at, used_at)
                SELECT md5(:account || '-' || n), :id, 'email_verification', :email, now(), now() + interval '1 hour', now()
                FROM generate_series(1, :rows) AS n""")
                .param("account", user.id().toString()).param("id", user.id().value()).param("email", user.email())
                .param("rows", rows).update();

        List<CompletableFuture<Long>> runs = List.of(CompletableFuture.supplyAsync(purge::purge),
                CompletableFuture.supplyAsync(purge::purge), CompletableFuture.supplyAsync(purge::purge));
        runs.forEach(CompletableFuture::join);

        assertThat(jdbc.sql("SELECT count(*) FROM auth.one_time_tokens WHERE account_id = :id")
                .param("id", user.id().value()).query(Long.class).single()).isZero();
    }

    private void awaitGone(String hash) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (jdbc.sql("SELECT count(*) FROM auth.one_time_tokens WHERE token_hash = :hash").param("hash", hash)
                .query(Long.class).single() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not purged within 15 s");
            }
            Thread.sleep(100);
        }
    }
}
