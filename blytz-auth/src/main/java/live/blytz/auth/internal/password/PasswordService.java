package live.blytz.auth.internal.password;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.internal.account.Account;
import live.blytz.auth.internal.account.AccountRepository;
import live.blytz.auth.internal.session.SessionService;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting a new password, by its owner (who knows the current one) or with a reset token. Either way every access
 * token issued so far stops working and every session ends, but the one that changed it.
 */
@Service
class PasswordService {

    private final AccountRepository accounts;
    private final PasswordCheckService checks;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final SessionService sessions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordService(AccountRepository accounts, PasswordCheckService checks, PasswordPolicy policy,
            PasswordHashing hashing, SessionService sessions, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.checks = checks;
        this.policy = policy;
        this.hashing = hashing;
        this.sessions = sessions;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Changes the caller's password after checking the current one. Every other session ends, and every access
     * token issued so far (the caller's too) stops working; the caller's session stays, so its refresh token
     * gets a new access token.
     */
    void change(UserId user, @Nullable UUID currentSession, String currentPassword, String newPassword,
            String client) {
        checks.checkCurrent(find(user), currentPassword, client);
        String hash = hashNew(newPassword, "new_password", client);
        transactions.executeWithoutResult(status -> store(user, hash, currentSession, "password_changed"));
    }

    /**
     * Checks a new password against the policy ({@code field} names it in the 400) and hashes it on the bounded
     * pool: outside any transaction, and before anything is spent, since the pool may refuse with 429.
     */
    String hashNew(String newPassword, String field, String client) {
        policy.problem(newPassword).ifPresent(problem -> {
            throw ValidationException.of(field, problem);
        });
        return hashing.hash(newPassword, client);
    }

    /**
     * Stores a new password hash and ends all sessions but {@code keep}, within the caller's transaction (so that a
     * password reset spends its token in the same one): every access token and device token issued so far stops
     * working. Returns the account as stored.
     */
    Account store(UserId user, String hash, @Nullable UUID keep, String reason) {
        Instant now = clock.instant();
        Account account = find(user);
        account.changePassword(hash, now);
        Account saved = accounts.save(account);
        sessions.endAllOf(saved, keep, reason, now);
        events.publishEvent(new PasswordChanged(user, saved.version(), now));
        return saved;
    }

    private Account find(UserId user) {
        return accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
    }
}
