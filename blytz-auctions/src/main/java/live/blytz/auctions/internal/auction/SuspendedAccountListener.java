package live.blytz.auctions.internal.auction;

import live.blytz.auth.events.AccountSuspended;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A suspended account's auctions change (after auth's commit, in a transaction of its own; a failure is retried from
 * the publication registry): as a seller, its scheduled and running auctions are cancelled and their products
 * released, since bidding on them would sell what the seller can no longer deliver or be paid for; as a bidder, its
 * proxy maximum stops bidding where it leads.
 */
@Component
class SuspendedAccountListener {

    private final AuctionService auctions;

    SuspendedAccountListener(AuctionService auctions) {
        this.auctions = auctions;
    }

    @ApplicationModuleListener
    void on(AccountSuspended event) {
        auctions.applySuspension(event.userId(), event.accountVersion());
    }
}
