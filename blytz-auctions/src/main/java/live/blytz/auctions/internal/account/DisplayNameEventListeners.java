package live.blytz.auctions.internal.account;

import live.blytz.users.events.UserProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the display names in step with users' profiles (after users' commit, in a transaction of its own), so that
 * an auction shows its seller's current name without calling the users module.
 */
@Component
class DisplayNameEventListeners {

    private final DisplayNameRepository names;

    DisplayNameEventListeners(DisplayNameRepository names) {
        this.names = names;
    }

    @ApplicationModuleListener
    void on(UserProfileUpdated event) {
        names.apply(event.userId(), event.displayName(), event.profileVersion());
    }
}
