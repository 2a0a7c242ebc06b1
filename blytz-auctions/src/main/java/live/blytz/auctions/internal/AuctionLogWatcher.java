package live.blytz.auctions.internal;

import java.util.UUID;

/**
 * Told when a transaction that appended to an auction's event log has committed: the auction and the sequence number
 * of its last fact. Called on the committing thread, after the commit: keep it short and never throw.
 */
public interface AuctionLogWatcher {

    void committed(UUID auctionId, long seq);
}
