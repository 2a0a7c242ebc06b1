package live.blytz.auth.internal.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import live.blytz.auth.events.EmailVerified;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.account.AccountResponse;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail verification with a mailed single-use token, like the password reset's ({@link OneTimeTokenRepository}):
 * the address is verified if the token was sent to the account's current address.
 */
@Service
class EmailVerificationService {

    private final AccountRepository accounts;
    private final OneTimeTokenRepository tokens;
    private final AccountMailer mailer;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerificationService(AccountRepository accounts, OneTimeTokenRepository tokens, AccountMailer mailer,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Mails a verification link to the caller's address, unless it is verified already. */
    void request(UserId user) {
        Account account = accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
        if (account.emailVerified()) {
            return;
        }
        issue(account).ifPresent(token ->
                mailer.inBackground(() -> mailer.send(account.email(), "Confirm your e-mail address for Blytz", """
                        Please confirm that this is your e-mail address by opening this link within %d minutes:

                        %s
                        """.formatted(mailer.tokenLifetimeMinutes(), mailer.link("/verify-email", token)))));
    }

    /** Marks the address verified, if the token was sent to the account's current address. */
    AccountResponse confirm(String token) {
        return transactions.execute(status -> {
            Optional<OneTimeTokenRepository.Redeemed> redeemed = tokens.redeem(token,
                    OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION);
            Account account = redeemed.flatMap(r -> accounts.findById(r.accountId()))
                    .filter(found -> found.email().equals(redeemed.get().email()))
                    .orElseThrow(() -> ValidationException.of("token", OneTimeTokenRepository.INVALID_TOKEN));
            if (account.emailVerified()) {
                return AccountResponse.of(account);
            }
            Instant now = clock.instant();
            account.verifyEmail(now);
            Account saved = accounts.save(account);
            events.publishEvent(new EmailVerified(saved.id(), saved.version(), now, saved.email()));
            return AccountResponse.of(saved);
        });
    }

    /** A new token, or empty within the account's cooldown (then no mail goes out). */
    private Optional<String> issue(Account account) {
        return transactions.execute(status -> tokens.issue(account.id().value(), account.email(),
                OneTimeTokenRepository.Purpose.EMAIL_VERIFICATION));
    }
}
