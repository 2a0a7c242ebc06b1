package live.blytz.auth.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating and changing accounts: registration, password change, and the admin's role change, suspension and
 * reactivation. Passwords are hashed on the bounded pool before the transaction starts, so no database
 * connection waits for bcrypt. Every change that must void older access tokens moves the account's
 * {@code tokens_valid_after} and publishes it to the shared store inside the transaction (ADR 0009).
 */
@Service
public class AccountService {

    static final String DUPLICATE_EMAIL = "An account with this e-mail address already exists";

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SessionStore sessions;
    private final TokenRevocations revocations;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordHashing hashing,
            TransactionTemplate transactions, ApplicationEventPublisher events, SessionStore sessions,
            TokenRevocations revocations, LoginThrottle throttle) {
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.transactions = transactions;
        this.events = events;
        this.sessions = sessions;
        this.revocations = revocations;
        this.throttle = throttle;
    }

    /** Registers a buyer or seller; 400 naming every invalid field at once; 409 when the address is taken. */
    public AccountView register(Registration registration, String client) {
        List<FieldError> errors = new ArrayList<>(registrationProblems(registration.email(), registration.password(),
                registration.firstName(), registration.lastName(), registration.phone()));
        if (registration.role() == Role.ADMIN) {
            errors.add(new FieldError("role", "must be buyer or seller"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return create(registration, client);
    }

    /** Every field of a registration the rules refuse, at once; missing values are skipped. */
    public List<FieldError> registrationProblems(@Nullable String email, @Nullable String password,
            @Nullable String firstName, @Nullable String lastName, @Nullable String phone) {
        return RegistrationRules.problems(email, password, firstName, lastName, phone, policy);
    }

    /** Creates an account with any role: for the configured first admin only. */
    AccountView create(Registration registration, String client) {
        EmailAddress email = EmailAddress.of(registration.email());
        policy.problem(registration.password()).ifPresent(problem -> {
            throw ValidationException.of("password", problem);
        });
        if (accounts.existsByEmail(email.value())) {
            throw new ConflictException(DUPLICATE_EMAIL);
        }
        String hash = hashing.hash(registration.password(), client);
        try {
            return transactions.execute(status -> {
                Instant now = clock.instant();
                Account account = accounts.save(Account.register(email.value(), hash, registration.role(), now));
                events.publishEvent(new UserRegistered(account.id(), account.version(), now, account.email(),
                        account.role(), registration.firstName(), registration.lastName(), registration.phone()));
                return AccountView.of(account);
            });
        } catch (DataAccessException e) {
            // Two registrations of one address at once: the unique constraint lets exactly one through.
            if (Duplicates.isDuplicate(e)) {
                throw new ConflictException(DUPLICATE_EMAIL);
            }
            throw e;
        }
    }

    /**
     * Changes the caller's password after checking the current one. Every other session ends, and every access
     * token issued so far (the caller's too) stops working; the caller's session stays, so its refresh token
     * gets a new access token. Wrong current passwords are throttled like failed logins (same counters), so a
     * stolen access token is no faster a password oracle than the login.
     */
    public void changePassword(UserId user, @Nullable UUID currentSession, String currentPassword, String newPassword,
            String client) {
        Account account = find(user);
        throttle.check(account.email(), client, null);
        if (!hashing.matches(currentPassword, account.passwordHash(), client)) {
            throttle.failed(account.email(), client, null);
            throw ValidationException.of("current_password", "is not the current password");
        }
        throttle.succeeded(account.email(), client, null);
        String hash = hashNewPassword(newPassword, "new_password", client);
        transactions.executeWithoutResult(status -> storePassword(user, hash, currentSession, "password_changed"));
    }

    /**
     * Checks a new password against the policy ({@code field} names it in the 400) and hashes it on the bounded
     * pool: outside any transaction, and before anything is spent, since the pool may refuse with 429.
     */
    String hashNewPassword(String newPassword, String field, String client) {
        policy.problem(newPassword).ifPresent(problem -> {
            throw ValidationException.of(field, problem);
        });
        return hashing.hash(newPassword, client);
    }

    /**
     * Stores a new password hash and ends all sessions but {@code keep}, within the caller's transaction (so that a
     * password reset spends its token in the same one): every access token issued so far stops working.
     */
    void storePassword(UserId user, String hash, @Nullable UUID keep, String reason) {
        Instant now = clock.instant();
        Account account = find(user);
        account.changePassword(hash, now);
        Account saved = accounts.save(account);
        sessions.revokeAll(user.value(), keep, reason, now);
        revocations.revokeBefore(user, saved.tokensValidAfter());
        events.publishEvent(new PasswordChanged(user, saved.version(), now));
    }

    /** An admin changes a role: effective in the user's next token; the user's current tokens stop working. */
    public AccountView changeRole(UserId admin, UserId user, Role role) {
        if (admin.equals(user)) {
            throw new ConflictException("Admins cannot change their own role");
        }
        return transactions.execute(status -> {
            Account account = find(user);
            if (account.role() == role) {
                return AccountView.of(account);
            }
            Instant now = clock.instant();
            account.changeRole(role, now);
            Account saved = accounts.save(account);
            revocations.revokeBefore(user, saved.tokensValidAfter());
            events.publishEvent(new RoleChanged(user, saved.version(), now, role));
            return AccountView.of(saved);
        });
    }

    /** An admin suspends an account: it cannot log in, every session ends and every token stops working. */
    public void suspend(UserId admin, UserId user) {
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
            sessions.revokeAll(user.value(), null, "suspended", now);
            revocations.revokeBefore(user, saved.tokensValidAfter());
            events.publishEvent(new AccountSuspended(user, saved.version(), now));
        });
    }

    /** An admin lifts a suspension; the user logs in again. */
    public void reactivate(UserId user) {
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
