package live.blytz.auth.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import live.blytz.auth.events.EmailVerified;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset and e-mail verification with mailed single-use tokens valid for {@code blytz.auth.mail
 * .token-lifetime} (30 minutes). A reset request answers the same whatever the address: the lookup, the token
 * and the mail all happen in the background. Within the per-account {@code blytz.auth.mail.cooldown} a new request
 * of the same kind sends no mail and leaves the live token valid ({@link OneTimeTokens#issue}).
 */
@Service
public class MailedTokenService {

    private static final String INVALID_TOKEN = "is invalid, expired or already used";

    private final AccountRepository accounts;
    private final OneTimeTokens tokens;
    private final AccountMailer mailer;
    private final AccountService accountService;
    private final PasswordPolicy policy;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final String linkBaseUrl;
    private final long lifetimeMinutes;
    private final Clock clock = Clock.systemUTC();

    MailedTokenService(AccountRepository accounts, OneTimeTokens tokens, AccountMailer mailer,
            AccountService accountService, PasswordPolicy policy, TransactionTemplate transactions,
            ApplicationEventPublisher events, AuthProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.accountService = accountService;
        this.policy = policy;
        this.transactions = transactions;
        this.events = events;
        this.linkBaseUrl = properties.mail().linkBaseUrl().replaceAll("/+$", "");
        this.lifetimeMinutes = properties.mail().tokenLifetime().toMinutes();
    }

    /** Mails a reset link if the address belongs to an active account; the caller learns nothing either way. */
    public void requestPasswordReset(String rawEmail) {
        String email;
        try {
            email = EmailAddress.of(rawEmail).value();
        } catch (ValidationException notAnAddress) {
            // No account can have it; answering 400 here would differ from the answer for an unknown address.
            return;
        }
        mailer.inBackground(() -> accounts.findByEmail(email).filter(Account::active).ifPresent(account ->
                issue(account, OneTimeTokens.Purpose.PASSWORD_RESET).ifPresent(token ->
                        mailer.send(account.email(), "Reset your Blytz password", """
                    Someone asked to reset the password of your Blytz account. If it was you, open this link within \
                    %d minutes:

                    %s/reset-password?token=%s

                    If it was not you, ignore this mail: your password stays as it is.
                    """.formatted(lifetimeMinutes, linkBaseUrl, token)))));
    }

    /**
     * Sets a new password with a reset token: every session ends and every token stops working. The token is spent
     * in the transaction that stores the new password, after the slow hashing: a refusal on the way (a busy
     * hashing pool, a store outage) rolls back and leaves the token usable.
     */
    public void resetPassword(String token, String newPassword, String client) {
        // The token is checked before hashing, so that a made-up one costs no bcrypt, and spent only below.
        List<FieldError> problems = new ArrayList<>();
        policy.problem(newPassword).ifPresent(problem -> problems.add(new FieldError("new_password", problem)));
        if (!tokens.usable(token, OneTimeTokens.Purpose.PASSWORD_RESET)) {
            problems.add(new FieldError("token", INVALID_TOKEN));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String hash = accountService.hashNewPassword(newPassword, "new_password", client);
        transactions.executeWithoutResult(status -> {
            OneTimeTokens.Redeemed redeemed = tokens.redeem(token, OneTimeTokens.Purpose.PASSWORD_RESET)
                    .orElseThrow(() -> ValidationException.of("token", INVALID_TOKEN));
            accountService.storePassword(new UserId(redeemed.accountId()), hash, null, "password_reset");
        });
    }

    /** Mails a verification link to the caller's address, unless it is verified already. */
    public void requestEmailVerification(UserId user) {
        Account account = accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
        if (account.emailVerified()) {
            return;
        }
        issue(account, OneTimeTokens.Purpose.EMAIL_VERIFICATION).ifPresent(token ->
                mailer.inBackground(() -> mailer.send(account.email(), "Confirm your e-mail address for Blytz", """
                        Please confirm that this is your e-mail address by opening this link within %d minutes:

                        %s/verify-email?token=%s
                        """.formatted(lifetimeMinutes, linkBaseUrl, token))));
    }

    /** A new token, or empty within the account's cooldown for this purpose (then no mail goes out). */
    private Optional<String> issue(Account account, OneTimeTokens.Purpose purpose) {
        return transactions.execute(status -> tokens.issue(account.id().value(), account.email(), purpose));
    }

    /** Marks the address verified, if the token was sent to the account's current address. */
    public AccountView confirmEmail(String token) {
        return transactions.execute(status -> {
            Optional<OneTimeTokens.Redeemed> redeemed = tokens.redeem(token, OneTimeTokens.Purpose.EMAIL_VERIFICATION);
            Account account = redeemed.flatMap(r -> accounts.findById(r.accountId()))
                    .filter(found -> found.email().equals(redeemed.get().email()))
                    .orElseThrow(() -> ValidationException.of("token", INVALID_TOKEN));
            if (account.emailVerified()) {
                return AccountView.of(account);
            }
            Instant now = clock.instant();
            account.verifyEmail(now);
            Account saved = accounts.save(account);
            events.publishEvent(new EmailVerified(saved.id(), saved.version(), now, saved.email()));
            return AccountView.of(saved);
        });
    }
}
