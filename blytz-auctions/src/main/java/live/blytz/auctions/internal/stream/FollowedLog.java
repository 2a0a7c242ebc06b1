package live.blytz.auctions.internal.stream;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * A log followed live: an auction's (ADR 0028) or a show's (ADR 0030). Its id (a UUID: one id space for both) and
 * kind, the position it stood at when looked up, whether nothing will be appended to it any more, and where its
 * readers come from: each hub and each subscriber reads with a {@link LogReader} of its own.
 */
record FollowedLog(UUID id, Kind kind, long seq, boolean over, Supplier<LogReader> readers) {

    enum Kind { AUCTION, SHOW }

    LogReader reader() {
        return readers.get();
    }

    /** The same log, standing at {@code seq}. */
    FollowedLog at(long seq, boolean over) {
        return new FollowedLog(id, kind, seq, over, readers);
    }
}
