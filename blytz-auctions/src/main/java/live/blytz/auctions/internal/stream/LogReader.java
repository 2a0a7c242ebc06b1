package live.blytz.auctions.internal.stream;

import java.util.List;

/**
 * Reads one log's public events in order. A reader may keep state between reads (an auction's end, so that a bid's
 * event can state it); it is used by one hub or subscriber, one read at a time.
 */
interface LogReader {

    /** Up to {@code limit} facts after {@code from}, as events. */
    Page after(long from, int limit);

    /**
     * Events read; the last fact read ({@code lastSeq} counts the facts that are not public too); whether the log may
     * hold more (the page was full).
     */
    record Page(List<StreamEvent> events, long lastSeq, boolean more) {
    }
}
