package live.blytz.auth.internal.account;

import java.time.Clock;
import java.time.Instant;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.internal.session.SessionService;
import live.blytz.auth.internal.token.TokenRevocations;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin changes on an account: its role, suspension and reactivation. A change that must void the user's
 * access tokens moves the account's {@code tokens_valid_after} and publishes it inside the transaction (ADR 0009).
 */
@Service
class AccountAdminService {

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final TokenRevocations revocations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdminService(AccountRepository accounts, SessionService sessions, TokenRevocations revocations,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.revocations = revocations;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Effective in the user's next token; the user's current tokens stop working. */
    AccountResponse changeRole(UserId admin, UserId user, Role role) {
        if (admin.equals(user)) {
            throw new ConflictException("Admins cannot change their own role");
        }
        return transactions.execute(status -> {
            Account account = find(user);
            if (account.role() == role) {
                return AccountResponse.of(account);
            }
            Instant now = clock.instant();
            account.changeRole(role, now);
            Account saved = accounts.save(account);
            revocations.revokeBefore(user, saved.tokensValidAfter());
            events.publishEvent(new RoleChanged(user, saved.version(), now, role));
            return AccountResponse.of(saved);
        });
    }

    /** The account cannot log in, every session ends and every token stops working. */
    void suspend(UserId admin, UserId user) {
        if (admin.equals(user)) {
            throw new ConflictException("Admins cannot suspend their own account");
        }
        transactions.executeWithoutResult(status -> {
            Account account = find(user);
            if (!account.active()) {
                return;
            }
            Instant now = clock.instant();
            account.suspend(now);
            Account saved = accounts.save(account);
            sessions.endAllOf(saved, null, "suspended", now);
            events.publishEvent(new AccountSuspended(user, saved.version(), now));
        });
    }

    /** Lifts a suspension; the user logs in again. */
    void reactivate(UserId user) {
        transactions.executeWithoutResult(status -> {
            Account account = find(user);
            if (account.active()) {
                return;
            }
            Instant now = clock.instant();
            account.reactivate(now);
            Account saved = accounts.save(account);
            events.publishEvent(new AccountReactivated(user, saved.version(), now));
        });
    }

    private Account find(UserId user) {
        return accounts.findById(user.value()).orElseThrow(() -> NotFoundException.of("Account", user));
    }
}
