package live.blytz.auctions.internal.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event of a stream (an auction's or a show's): {@code seq} is the log's sequence number (the SSE id), {@code name}
 * the SSE event name and {@code data} its JSON. Only public facts become events: never a bidder's maximum, the reserve
 * or an account id. Public for the shows, which copy the public events of a lot's auction into the show's log.
 */
public record StreamEvent(long seq, String name, Object data) {

    public static final String BID_PLACED = "bid_placed";
    public static final String EXTENDED = "extended";
    public static final String STARTED = "started";
    public static final String ENDED = "ended";
    public static final String CANCELLED = "cancelled";
    /** The last event of a show's stream (ADR 0030). */
    public static final String SHOW_ENDED = "show_ended";

    /** After this one nothing follows: the auction, or the show, is over. */
    boolean terminal() {
        return name.equals(ENDED) || name.equals(CANCELLED) || name.equals(SHOW_ENDED);
    }

    /** A bid ({@code kind} bid, proxy or buy_now) by the bidder with public {@code handle}. */
    record Bid(UUID auctionId, String kind, BigDecimal amount, String currency, String handle, BigDecimal price,
            @Nullable BigDecimal minimumNextBid, Instant endsAt, Instant occurredAt) {
    }

    record Extended(UUID auctionId, Instant endsAt, Instant occurredAt) {
    }

    record Started(UUID auctionId, Instant endsAt, Instant occurredAt) {
    }

    /** Sold to the bidder with public handle {@code winner} at {@code price}, or unsold (both null). */
    record Ended(UUID auctionId, boolean sold, @Nullable String winner, @Nullable BigDecimal price, String currency,
            Instant occurredAt) {
    }

    record Cancelled(UUID auctionId, Instant occurredAt) {
    }
}
