package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
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
    SessionStore sessions;

    @Autowired
    TokenRevocations revocations;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    OneTimeTokens tokens;

    @Autowired
    AccountMailer mailer;

    @Autowired
    AuthProperties properties;

    @Autowired
    MailedTokenService mailed;

    @Test
    void aResetRefusedByABusyHashingPoolDoesNotSpendTheToken() throws Exception {
        TestAccounts.Account user = new TestAccounts(http).register(Role.BUYER);
        String token = tokens.issue(user.id().value(), user.email(), OneTimeTokens.Purpose.PASSWORD_RESET)
                .orElseThrow();
        // The same service on a pool of one worker and one waiting slot, both taken by slow (cost 13) hashes.
        PasswordHashing busy = new PasswordHashing(TestAuthProperties.withHashing(13, 1, 1));
        MailedTokenService onABusyPool = new MailedTokenService(accounts, tokens, mailer,
                new AccountService(accounts, policy, busy, transactions, events, sessions, revocations, throttle),
                policy, transactions, events, properties);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            others.submit(() -> busy.hash("one password being hashed", "other-1"));
            others.submit(() -> busy.hash("another one waiting", "other-2"));
            Thread.sleep(150);

            assertThatThrownBy(() -> onABusyPool.resetPassword(token, "my brand new passphrase", "test"))
                    .isInstanceOf(TooManyRequestsException.class);
        } finally {
            others.shutdown();
            busy.destroy();
        }

        mailed.resetPassword(token, "my brand new passphrase", "test");
        new TestAccounts(http).login(user.email(), "my brand new passphrase");
    }
}
