package live.blytz.auctions.internal.auction;

import live.blytz.auth.events.AccountSuspended;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A suspended seller's scheduled and running auctions are cancelled and their products released (after auth's
 * commit, in a transaction of its own; a failure is retried from the publication registry). Bidding on them would
 * sell what the seller can no longer deliver or be paid for.
 */
@Component
class SuspendedSellerListener {

    private final AuctionService auctions;

    SuspendedSellerListener(AuctionService auctions) {
        this.auctions = auctions;
    }

    @ApplicationModuleListener
    void on(AccountSuspended event) {
        auctions.cancelOfSuspendedSeller(event.userId(), event.accountVersion());
    }
}
