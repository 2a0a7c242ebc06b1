package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.internal.TestAuthProperties;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.session.SessionService;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A password reset spends its token in the transaction that stores the new password: a refusal on the way (here a
 * full hashing pool, 429) leaves the token usable.
 */
@BlytzIntegrationTest
class PasswordResetTransactionTests {

    @Autowired
    RestTestClient http;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SessionService sessions;

    @Autowired
    PasswordCheckService checks;

    @Autowired
    OneTimeTokenRepository tokens;

    @Autowired
    AccountMailer mailer;

    @Autowired
    PasswordResetService resets;

    @Autowired
    DeviceTokens devices;

    @Test
    void aResetRefusedByABusyHashingPoolDoesNotSpendTheToken() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        String token = tokens.issue(user.id().value(), user.email(), OneTimeTokenRepository.Purpose.PASSWORD_RESET)
                .orElseThrow();
        // The same service on a pool of one worker and one waiting slot, both taken by slow (cost 13) hashes.
        PasswordHashing busy = new PasswordHashing(TestAuthProperties.withHashing(13, 1, 1));
        PasswordResetService onABusyPool = new PasswordResetService(accounts, tokens, mailer,
                new PasswordService(accounts, checks, policy, busy, sessions, transactions, events, Clock.systemUTC()),
                policy, transactions, devices);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            others.submit(() -> busy.hash("one password being hashed", "other-1"));
            others.submit(() -> busy.hash("another one waiting", "other-2"));
            Thread.sleep(150);

            assertThatThrownBy(() -> onABusyPool.reset(token, "my brand new passphrase", "test"))
                    .isInstanceOf(TooManyRequestsException.class);
        } finally {
            others.shutdown();
            busy.destroy();
        }

        resets.reset(token, "my brand new passphrase", "test");
        new TestAccounts(http).login(user.email(), "my brand new passphrase");
    }
}
