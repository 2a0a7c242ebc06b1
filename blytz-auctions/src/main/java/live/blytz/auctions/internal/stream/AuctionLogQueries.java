package live.blytz.auctions.internal.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auctions.internal.Increments;
import live.blytz.sharedkernel.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auction log (ADR 0025) read as stream events: the facts after a sequence number, in order, each turned into its
 * public form (a bidder's stable handle instead of their account, no maximum, no reserve). Read-only. Public for the
 * shows, which copy a lot's public events into the show's log (ADR 0030).
 */
@Repository
public class AuctionLogQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Increments increments;

    AuctionLogQueries(JdbcClient jdbc, JsonMapper json, Increments increments) {
        this.jdbc = jdbc;
        this.json = json;
        this.increments = increments;
    }

    /**
     * Events read; the last fact read (public or not); the auction's end after it; whether the log may hold more
     * (the batch was full).
     */
    public record Batch(List<StreamEvent> events, long lastSeq, Instant endsAt, boolean more) {
    }

    /** Where an auction's log stands now, to follow it. */
    Optional<FollowedLog> head(UUID auctionId) {
        return jdbc.sql("SELECT seq, status, currency FROM auctions.auctions WHERE id = :id")
                .param("id", auctionId)
                .query((rs, row) -> {
                    String currency = rs.getString("currency").strip();
                    return new FollowedLog(auctionId, FollowedLog.Kind.AUCTION, rs.getLong("seq"),
                            List.of("ended", "cancelled").contains(rs.getString("status")),
                            () -> reader(auctionId, currency));
                })
                .optional();
    }

    /** A reader that remembers the auction's end after its last read, and so reads it from the log only once. */
    private LogReader reader(UUID auctionId, String currency) {
        return new LogReader() {
            private long readTo = -1;
            private @Nullable Instant endsAt;

            @Override
            public Page after(long from, int limit) {
                Batch read = AuctionLogQueries.this.after(auctionId, currency, from, limit, from == readTo ? endsAt : null);
                readTo = read.lastSeq();
                endsAt = read.endsAt();
                return new Page(read.events(), read.lastSeq(), read.more());
            }
        };
    }

    /**
     * Up to {@code limit} facts after {@code after}, as events ({@code lastSeq} counts the skipped private facts too).
     * {@code endsAt} is the end as of {@code after} when known; otherwise it is read from the log.
     */
    public Batch after(UUID auctionId, String currency, long after, int limit, @Nullable Instant endsAt) {
        List<Row> rows = jdbc.sql("""
                        SELECT e.seq, e.type, e.payload::text AS payload, e.occurred_at, p.handle_no
                        FROM auctions.auction_events e
                        LEFT JOIN auctions.participants p ON p.auction_id = e.auction_id AND p.bidder_id =
                            CAST(COALESCE(e.payload->>'bidder_id', e.payload->>'buyer_id', e.payload->>'winner_id')
                                AS uuid)
                        WHERE e.auction_id = :id AND e.seq > :after
                        ORDER BY e.seq LIMIT :limit""")
                .param("id", auctionId).param("after", after).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("type"), json.readTree(rs.getString("payload")),
                        rs.getTimestamp("occurred_at").toInstant(), (Integer) rs.getObject("handle_no")))
                .list();
        // From the start, the opening (seq 1) sets the end.
        Instant ends = endsAt != null || rows.isEmpty() || after < 1 ? endsAt : endAsOf(auctionId, after);
        Currency money = Currency.getInstance(currency);
        List<StreamEvent> events = new ArrayList<>(rows.size());
        long last = after;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            last = row.seq();
            switch (row.type()) {
                case "opened" -> ends = instant(row.payload(), "ends_at");
                case "extended" -> {
                    ends = instant(row.payload(), "ends_at");
                    events.add(event(row, StreamEvent.EXTENDED,
                            new StreamEvent.Extended(auctionId, ends, row.occurredAt())));
                }
                case "started" -> events.add(event(row, StreamEvent.STARTED,
                        new StreamEvent.Started(auctionId, endOf(ends), row.occurredAt())));
                case "bid_placed", "proxy_bid", "bought_now" -> {
                    boolean buyNow = row.type().equals("bought_now");
                    BigDecimal amount = decimal(row.payload(), buyNow ? "price" : "amount");
                    BigDecimal price = row.type().equals("bid_placed") ? decimal(row.payload(), "price") : amount;
                    BigDecimal minimum = buyNow ? null : increments.above(Money.of(price, money)).amount();
                    String kind = switch (row.type()) {
                        case "bid_placed" -> "bid";
                        case "proxy_bid" -> "proxy";
                        default -> "buy_now";
                    };
                    events.add(event(row, StreamEvent.BID_PLACED, new StreamEvent.Bid(auctionId, kind,
                            amount, currency, handle(row), price, minimum, endAfterDecision(rows, i, endOf(ends)),
                            row.occurredAt())));
                }
                case "ended" -> {
                    boolean sold = row.payload().path("sold").asBoolean();
                    events.add(event(row, StreamEvent.ENDED, new StreamEvent.Ended(auctionId, sold,
                            sold ? handle(row) : null, sold ? decimal(row.payload(), "price") : null, currency,
                            row.occurredAt())));
                }
                case "cancelled" -> events.add(event(row, StreamEvent.CANCELLED,
                        new StreamEvent.Cancelled(auctionId, row.occurredAt())));
                default -> {
                    // a fact with nothing public in it
                }
            }
        }
        return new Batch(events, last, endOf(ends), rows.size() == limit);
    }

    /** The end as of fact {@code seq}: the latest opening or extension at or before it. */
    private @Nullable Instant endAsOf(UUID auctionId, long seq) {
        return jdbc.sql("""
                        SELECT payload->>'ends_at' FROM auctions.auction_events
                        WHERE auction_id = :id AND seq <= :seq AND type IN ('opened', 'extended')
                        ORDER BY seq DESC LIMIT 1""")
                .param("id", auctionId).param("seq", seq)
                .query(String.class).optional().map(Instant::parse).orElse(null);
    }

    /** A bid's end is the one after its decision: an extension appended with it (same moment) is already counted. */
    private static Instant endAfterDecision(List<Row> rows, int index, Instant ends) {
        Instant at = rows.get(index).occurredAt();
        for (int i = index + 1; i < rows.size() && rows.get(i).occurredAt().equals(at); i++) {
            if (rows.get(i).type().equals("extended")) {
                return instant(rows.get(i).payload(), "ends_at");
            }
        }
        return ends;
    }

    private static StreamEvent event(Row row, String name, Object data) {
        return new StreamEvent(row.seq(), name, data);
    }

    private static String handle(Row row) {
        return row.handle() == null ? "" : "bidder-" + row.handle();
    }

    private static Instant endOf(@Nullable Instant ends) {
        return ends == null ? Instant.EPOCH : ends;
    }

    private static Instant instant(JsonNode payload, String field) {
        return Instant.parse(payload.path(field).asString());
    }

    private static BigDecimal decimal(JsonNode payload, String field) {
        return payload.path(field).decimalValue();
    }

    private record Row(long seq, String type, JsonNode payload, Instant occurredAt, @Nullable Integer handle) {
    }
}
