package live.blytz.auctions.internal.account;

import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the suspension read model in step with auth (after auth's commit, in a transaction of its own). Auth also
 * revokes a suspended account's tokens at once; this model is what the bid transaction itself checks, so that
 * auctions does not depend on every token check being in place.
 */
@Component
class SuspensionEventListeners {

    private final SuspensionRepository accounts;

    SuspensionEventListeners(SuspensionRepository accounts) {
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(AccountSuspended event) {
        accounts.apply(event.userId(), true, event.accountVersion());
    }

    @ApplicationModuleListener
    void on(AccountReactivated event) {
        accounts.apply(event.userId(), false, event.accountVersion());
    }
}
