package live.blytz.auctions.internal.show;

import live.blytz.auctions.internal.stream.StreamEvent;

/** The types of a show's log: the event names of its stream. */
final class ShowFacts {

    static final String LOT_STARTED = "lot_started";
    static final String BID_PLACED = StreamEvent.BID_PLACED;
    static final String LOT_SOLD = "lot_sold";
    static final String LOT_UNSOLD = "lot_unsold";
    static final String SHOW_ENDED = StreamEvent.SHOW_ENDED;

    private ShowFacts() {
    }
}
