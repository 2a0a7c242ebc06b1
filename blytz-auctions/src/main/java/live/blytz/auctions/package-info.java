/**
 * The auctions module: a product's seller opens an auction of it; buyers bid (with proxy maximums), buy it now, or
 * lose to a later bid; soft close extends a contested end; due auctions are closed once, on any instance. Every fact
 * of an auction is appended to its event log and its state is a projection of that log (ADR 0025). Viewers follow
 * auctions live (ADR 0028), and sellers run live shows whose lots are auctioned one at a time (ADR 0030). It reserves
 * and sells products through catalog's API, and keeps a read model of accounts: suspensions from auth's events, display
 * names from users' events.
 */
@ApplicationModule(displayName = "Auctions",
        allowedDependencies = {"sharedkernel", "auth :: events", "users :: events", "catalog"})
@NullMarked
package live.blytz.auctions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
