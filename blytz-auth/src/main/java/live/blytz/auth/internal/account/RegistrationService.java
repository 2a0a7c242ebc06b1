package live.blytz.auth.internal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import live.blytz.auth.events.UserRegistered;
import live.blytz.auth.internal.password.PasswordHashing;
import live.blytz.auth.internal.password.PasswordPolicy;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration: a person registers as buyer or seller; the first admin and the demo accounts are created with any
 * role. The password is hashed on the bounded pool before the transaction starts, so no database connection waits
 * for bcrypt.
 */
@Service
class RegistrationService {

    static final String DUPLICATE_EMAIL = "An account with this e-mail address already exists";

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationService(AccountRepository accounts, PasswordPolicy policy, PasswordHashing hashing,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a buyer or seller; 400 naming every invalid field at once; 409 when the address is taken. */
    AccountResponse register(Registration registration, String client) {
        List<FieldError> errors = new ArrayList<>(problems(registration.email(), registration.password(),
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
    List<FieldError> problems(@Nullable String email, @Nullable String password, @Nullable String firstName,
            @Nullable String lastName, @Nullable String phone) {
        return RegistrationRules.problems(email, password, firstName, lastName, phone, policy);
    }

    /** Creates an account with any role (the first admin, the demo accounts); publishes {@link UserRegistered}. */
    AccountResponse create(Registration registration, String client) {
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
                return AccountResponse.of(account);
            });
        } catch (DataAccessException e) {
            // Two registrations of one address at once: the unique constraint lets exactly one through.
            if (Duplicates.isDuplicate(e)) {
                throw new ConflictException(DUPLICATE_EMAIL);
            }
            throw e;
        }
    }
}
