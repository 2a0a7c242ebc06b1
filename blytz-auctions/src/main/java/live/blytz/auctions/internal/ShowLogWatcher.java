package live.blytz.auctions.internal;

import java.util.UUID;

/**
 * Told when a transaction that appended to a show's log has committed: the show and the sequence number of its last
 * fact (ADR 0030). Called on the committing thread, after the commit: keep it short and never throw. Apart from
 * {@link AuctionLogWatcher} so that the shows, which watch auction logs, do not watch their own.
 */
public interface ShowLogWatcher {

    void committed(UUID showId, long seq);
}
