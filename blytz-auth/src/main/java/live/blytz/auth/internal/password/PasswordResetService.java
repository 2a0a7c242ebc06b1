package live.blytz.auth.internal.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset with a mailed single-use token valid for {@code blytz.auth.mail.token-lifetime} (30 minutes). A
 * request answers the same whatever the address: the lookup, the token and the mail all happen in the background.
 * Within the per-account {@code blytz.auth.mail.cooldown} a new request sends no mail and leaves the live token valid
 * ({@link OneTimeTokenRepository#issue}).
 */
@Service
class PasswordResetService {

    private final AccountRepository accounts;
    private final OneTimeTokenRepository tokens;
    private final AccountMailer mailer;
    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final TransactionTemplate transactions;
    private final DeviceTokens devices;

    PasswordResetService(AccountRepository accounts, OneTimeTokenRepository tokens, AccountMailer mailer,
            PasswordService passwords, PasswordPolicy policy, TransactionTemplate transactions, DeviceTokens devices) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwords = passwords;
        this.policy = policy;
        this.transactions = transactions;
        this.devices = devices;
    }

    /** Mails a reset link if the address belongs to an active account; the caller learns nothing either way. */
    void request(String rawEmail) {
        String email;
        try {
            email = EmailAddress.of(rawEmail).value();
        } catch (ValidationException notAnAddress) {
            // No account can have it; answering 400 here would differ from the answer for an unknown address.
            return;
        }
        mailer.inBackground(() -> accounts.findByEmail(email).filter(Account::active).ifPresent(account ->
                issue(account).ifPresent(token -> mailer.send(account.email(), "Reset your Blytz password", """
                    Someone asked to reset the password of your Blytz account. If it was you, open this link within \
                    %d minutes:

                    %s

                    If it was not you, ignore this mail: your password stays as it is.
                    """.formatted(mailer.tokenLifetimeMinutes(), mailer.link("/reset-password", token))))));
    }

    /**
     * Sets a new password with a reset token: every session ends and every token stops working. The token is spent
     * in the transaction that stores the new password, after the slow hashing: a refusal on the way (a busy
     * hashing pool, a store outage) rolls back and leaves the token usable. Returns a device token for the client,
     * which has just proved control of the account's mailbox: its next login is not held up by the account-wide
     * throttle that an attack may keep running (ADR 0016).
     */
    String reset(String token, String newPassword, String client) {
        // The token is checked before hashing, so that a made-up one costs no bcrypt, and spent only below.
        List<FieldError> problems = new ArrayList<>();
        policy.problem(newPassword).ifPresent(problem -> problems.add(new FieldError("new_password", problem)));
        if (!tokens.usable(token, OneTimeTokenRepository.Purpose.PASSWORD_RESET)) {
            problems.add(new FieldError("token", OneTimeTokenRepository.INVALID_TOKEN));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String hash = passwords.hashNew(newPassword, "new_password", client);
        Account reset = transactions.execute(status -> {
            OneTimeTokenRepository.Redeemed redeemed = tokens
                    .redeem(token, OneTimeTokenRepository.Purpose.PASSWORD_RESET)
                    .orElseThrow(() -> ValidationException.of("token", OneTimeTokenRepository.INVALID_TOKEN));
            return passwords.store(new UserId(redeemed.accountId()), hash, null, "password_reset");
        });
        return devices.issue(Objects.requireNonNull(reset));
    }

    /** A new token, or empty within the account's cooldown (then no mail goes out). */
    private Optional<String> issue(Account account) {
        return transactions.execute(status -> tokens.issue(account.id().value(), account.email(),
                OneTimeTokenRepository.Purpose.PASSWORD_RESET));
    }
}
