package live.blytz.users.internal.account;

import java.time.Clock;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.EmailVerified;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.sharedkernel.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model of accounts in step with auth's events, each handled after auth's commit in its own
 * transaction. Delivery is at least once and in no guaranteed order: every write is guarded by the event's
 * {@code accountVersion} (see {@link AccountFactsRepository}), so a repeated or stale event changes nothing.
 * {@code UserRegistered} also creates the profile, so the profile package handles it.
 */
@Component
class AccountEventListeners {

    private static final Logger log = LoggerFactory.getLogger(AccountEventListeners.class);

    private final AccountFactsRepository facts;
    private final Clock clock;

    AccountEventListeners(AccountFactsRepository facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(UserLoggedIn event) {
        applied(event.userId(), event.accountVersion(), "UserLoggedIn",
                facts.applyLogin(event.userId(), event.occurredAt(), event.accountVersion(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(EmailVerified event) {
        applied(event.userId(), event.accountVersion(), "EmailVerified",
                facts.applyEmail(event.userId(), event.email(), true, event.accountVersion(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        applied(event.userId(), event.accountVersion(), "PasswordChanged",
                facts.applyPasswordChange(event.userId(), event.occurredAt(), event.accountVersion(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(RoleChanged event) {
        applied(event.userId(), event.accountVersion(), "RoleChanged",
                facts.applyRole(event.userId(), event.role(), event.accountVersion(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(AccountSuspended event) {
        applied(event.userId(), event.accountVersion(), "AccountSuspended",
                facts.applyStatus(event.userId(), AccountStatus.SUSPENDED, event.accountVersion(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(AccountReactivated event) {
        applied(event.userId(), event.accountVersion(), "AccountReactivated",
                facts.applyStatus(event.userId(), AccountStatus.ACTIVE, event.accountVersion(), clock.instant()));
    }

    private static void applied(UserId id, long version, String event, boolean applied) {
        if (!applied) {
            log.debug("Ignored {} v{} of account {}: the read model already holds newer or equal facts", event, version, id);
        }
    }
}
