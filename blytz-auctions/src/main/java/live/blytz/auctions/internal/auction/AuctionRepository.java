package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auctions.internal.AuctionLogWatcher;
import live.blytz.auctions.internal.auction.AuctionFact.BidAccepted;
import live.blytz.auctions.internal.auction.AuctionFact.BoughtNow;
import live.blytz.auctions.internal.auction.AuctionFact.Logged;
import live.blytz.auctions.internal.auction.AuctionFact.ProxyBid;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log and its projections (ADR 0025). {@link #record} is the only write: it appends facts to the log at
 * the next sequence numbers, folds them into the aggregate and writes the projections, all in the caller's
 * transaction, which holds the auction's row lock ({@link #lock}); so the facts of one auction are appended one
 * transaction at a time, on any instance, and the log's primary key refuses any gap or duplicate.
 */
@Repository
class AuctionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final List<AuctionLogWatcher> watchers;

    AuctionRepository(JdbcClient jdbc, JsonMapper json, List<AuctionLogWatcher> watchers) {
        this.jdbc = jdbc;
        this.json = json;
        this.watchers = List.copyOf(watchers);
    }

    /** The auction, its row locked until the transaction ends: every change of one auction queues here. */
    Optional<Auction> lock(UUID id) {
        return jdbc.sql("SELECT * FROM auctions.auctions WHERE id = :id FOR UPDATE")
                .param("id", id).query(this::auction).optional();
    }

    /** The ids of a seller's scheduled and running auctions. */
    List<UUID> liveOf(UserId seller) {
        return jdbc.sql("""
                        SELECT id FROM auctions.auctions
                        WHERE seller_id = :seller AND status IN ('scheduled', 'running')""")
                .param("seller", seller.value()).query(UUID.class).list();
    }

    /**
     * The auction as last committed, without a lock: what a bid can be refused on before it queues for the lock
     * (a price only rises, so a bid too low now is too low after the lock too).
     */
    Optional<Auction> peek(UUID id) {
        return jdbc.sql("SELECT * FROM auctions.auctions WHERE id = :id")
                .param("id", id).query(this::auction).optional();
    }

    /**
     * Up to {@code limit} auctions due to start or end at {@code now}, locked; those another instance is closing are
     * skipped, so each due auction is handled by exactly one closer.
     */
    List<Auction> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM auctions.auctions
                        WHERE (status = 'running' AND ends_at <= :now) OR (status = 'scheduled' AND starts_at <= :now)
                        ORDER BY ends_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::auction).list();
    }

    /**
     * Appends {@code facts} at {@code now}, applies them to {@code auction} and writes its projections; returns the
     * handle number of the leader after them (null without a leader).
     */
    @Nullable Integer record(Auction auction, List<AuctionFact> facts, Instant now) {
        return append(auction, auction.fold(facts, now), null);
    }

    /**
     * Writes facts already folded into {@code auction} ({@link Auction#fold}): appends them to the log, writes the
     * projections and, for a bid, {@code outcome} as its Idempotency-Key's first outcome; all in one statement, so
     * that the auction's row lock is held for one round trip between the decision and the commit. Returns the handle
     * number of the leader after them (null without a leader).
     */
    @Nullable Integer append(Auction auction, List<Logged> appended, @Nullable KeyOutcome outcome) {
        Integer handle = write(auction, appended, true, outcome);
        tellWatchersAfterCommit(auction.id(), auction.seq());
        return handle;
    }

    /** The first outcome of a bid, stored with its facts under the Idempotency-Key the bid claimed. */
    record KeyOutcome(UserId bidder, String key, int status, String body) {
    }

    /** The live streams learn of new facts once they are visible to every reader (never of a rolled-back one). */
    private void tellWatchersAfterCommit(UUID id, long seq) {
        if (watchers.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                watchers.forEach(watcher -> watcher.committed(id, seq));
            }
        });
    }

    /** The whole log of one auction, in order. */
    List<Logged> log(UUID id) {
        return jdbc.sql("SELECT seq, type, payload::text AS payload, occurred_at FROM auctions.auction_events "
                        + "WHERE auction_id = :id ORDER BY seq")
                .param("id", id)
                .query((rs, row) -> new Logged(rs.getLong("seq"),
                        json.readValue(rs.getString("payload"), AuctionFact.TYPES.get(rs.getString("type"))),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /**
     * Throws the projections of one auction away and writes them again from its log alone: what a new projection
     * or a repaired one would do, and what the tests compare with the live state.
     */
    void rebuild(UUID id) {
        lock(id);
        jdbc.sql("DELETE FROM auctions.bids WHERE auction_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM auctions.participants WHERE auction_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM auctions.auctions WHERE id = :id").param("id", id).update();
        Auction auction = Auction.before(id);
        for (Logged logged : log(id)) {
            auction.apply(logged.fact(), logged.seq(), logged.occurredAt());
            write(auction, List.of(logged), false, null);
        }
    }

    /**
     * One statement of data-modifying CTEs: the facts appended to the log (unless {@code append} is false, as when
     * rebuilding from it), their history rows, the bidder's participant row, the key's outcome and the auction's row.
     * A decision changes at most one participant (the bidder or buyer), so the next handle number is computed once.
     */
    private @Nullable Integer write(Auction auction, List<Logged> facts, boolean append, @Nullable KeyOutcome outcome) {
        MapSqlParameterSource p = projection(auction);
        List<String> steps = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<String> bids = new ArrayList<>();
        String participant = null;
        for (int i = 0; i < facts.size(); i++) {
            Logged logged = facts.get(i);
            p.addValue("seq" + i, logged.seq()).addValue("at" + i, Timestamp.from(logged.occurredAt()));
            events.add("(:id, :seq%1$d, :type%1$d, CAST(:payload%1$d AS jsonb), :at%1$d)".formatted(i));
            p.addValue("type" + i, logged.fact().type())
                    .addValue("payload" + i, json.writeValueAsString(logged.fact()));
            HistoryRow row = switch (logged.fact()) {
                case BidAccepted bid -> new HistoryRow(bid.bidderId(), bid.amount(), "bid", bid.maxAmount());
                case ProxyBid proxy -> new HistoryRow(proxy.bidderId(), proxy.amount(), "proxy", null);
                case BoughtNow bought -> new HistoryRow(bought.buyerId(), bought.price(), "buy_now", bought.price());
                default -> null;
            };
            if (row == null) {
                continue;
            }
            bids.add("(:id, :seq%1$d, :bidder%1$d, :amount%1$d, :kind%1$d, :at%1$d)".formatted(i));
            p.addValue("bidder" + i, row.bidder()).addValue("amount" + i, row.amount())
                    .addValue("kind" + i, row.kind());
            if (row.max() != null) {
                if (participant != null) {
                    throw new IllegalStateException("one decision changes at most one participant");
                }
                participant = """
                        participant AS (
                            INSERT INTO auctions.participants AS p (auction_id, bidder_id, handle_no, max_amount, last_bid_at)
                            VALUES (:id, :bidder%1$d,
                                (SELECT COALESCE(MAX(handle_no), 0) + 1 FROM auctions.participants WHERE auction_id = :id),
                                :max%1$d, :at%1$d)
                            ON CONFLICT (auction_id, bidder_id) DO UPDATE
                            SET max_amount = GREATEST(p.max_amount, EXCLUDED.max_amount), last_bid_at = EXCLUDED.last_bid_at
                            RETURNING bidder_id, handle_no)""".formatted(i);
                p.addValue("max" + i, row.max());
            }
        }
        if (append) {
            steps.add("events AS (INSERT INTO auctions.auction_events (auction_id, seq, type, payload, occurred_at) "
                    + "VALUES " + String.join(", ", events) + ")");
        }
        if (!bids.isEmpty()) {
            steps.add("history AS (INSERT INTO auctions.bids (auction_id, seq, bidder_id, amount, kind, placed_at) "
                    + "VALUES " + String.join(", ", bids) + ")");
        }
        steps.add(participant == null ? "participant AS (SELECT NULL::uuid AS bidder_id, NULL::int AS handle_no)"
                : participant);
        if (outcome != null) {
            steps.add("outcome AS (UPDATE auctions.idempotency_keys SET status = :keyStatus, body = :keyBody "
                    + "WHERE bidder_id = :keyBidder AND key = :key)");
            p.addValue("keyStatus", outcome.status()).addValue("keyBody", outcome.body())
                    .addValue("keyBidder", outcome.bidder().value()).addValue("key", outcome.key());
        }
        steps.add("""
                projection AS (
                    INSERT INTO auctions.auctions AS a (id, product_id, seller_id, category_id, title, currency,
                        starting_price, reserve_price, buy_now_price, status, outcome, starts_at, ends_at,
                        extension_ms, current_price, bid_count, leader_id, leader_max, winner_id, bought_now, seq,
                        created_at, closed_at)
                    VALUES (:id, :product, :seller, :category, :title, :currency, :starting, :reserve, :buyNow,
                        :status, :outcome, :startsAt, :endsAt, :extension, :price, :bids, :leader, :leaderMax,
                        :winner, :boughtNow, :seq, :created, :closed)
                    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, outcome = EXCLUDED.outcome,
                        ends_at = EXCLUDED.ends_at, current_price = EXCLUDED.current_price,
                        bid_count = EXCLUDED.bid_count, leader_id = EXCLUDED.leader_id,
                        leader_max = EXCLUDED.leader_max, winner_id = EXCLUDED.winner_id,
                        bought_now = EXCLUDED.bought_now, seq = EXCLUDED.seq, closed_at = EXCLUDED.closed_at)""");
        // The leader's handle: the participant row this statement wrote, else the one stored (a statement's CTEs
        // all read the snapshot from before it).
        String sql = "WITH " + String.join(",\n", steps) + """

                SELECT COALESCE(
                    (SELECT handle_no FROM participant WHERE bidder_id = :leader),
                    (SELECT handle_no FROM auctions.participants WHERE auction_id = :id AND bidder_id = :leader),
                    0)""";
        int handle = jdbc.sql(sql).paramSource(p).query(Integer.class).single();
        return handle == 0 ? null : handle;
    }

    /** The history row and participant maximum a fact writes, if any. */
    private record HistoryRow(UUID bidder, BigDecimal amount, String kind, @Nullable BigDecimal max) {
    }

    private static MapSqlParameterSource projection(Auction auction) {
        return new MapSqlParameterSource()
                .addValue("id", auction.id())
                .addValue("product", auction.productId())
                .addValue("seller", auction.sellerId().value())
                .addValue("category", auction.categoryId())
                .addValue("title", auction.title())
                .addValue("currency", auction.currency().getCurrencyCode())
                .addValue("starting", auction.startingPrice().amount())
                .addValue("reserve", amount(auction.reservePrice()), Types.NUMERIC)
                .addValue("buyNow", amount(auction.buyNowPrice()), Types.NUMERIC)
                .addValue("status", auction.status().code())
                .addValue("outcome", auction.sold() == null ? null : auction.sold() ? "sold" : "unsold", Types.VARCHAR)
                .addValue("startsAt", Timestamp.from(auction.startsAt()))
                .addValue("endsAt", Timestamp.from(auction.endsAt()))
                .addValue("extension", auction.extension() == null ? null : auction.extension().toMillis(), Types.BIGINT)
                .addValue("price", auction.currentPrice().amount())
                .addValue("bids", auction.bidCount())
                .addValue("leader", id(auction.leaderId()), Types.OTHER)
                .addValue("leaderMax", amount(auction.leaderMax()), Types.NUMERIC)
                .addValue("winner", id(auction.winnerId()), Types.OTHER)
                .addValue("boughtNow", auction.boughtNow())
                .addValue("seq", auction.seq())
                .addValue("created", Timestamp.from(auction.createdAt()))
                .addValue("closed", auction.closedAt() == null ? null : Timestamp.from(auction.closedAt()), Types.TIMESTAMP);
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    private static @Nullable UUID id(@Nullable UserId user) {
        return user == null ? null : user.value();
    }

    private Auction auction(ResultSet rs, int rowNum) throws SQLException {
        Map<String, @Nullable Object> row = new HashMap<>();
        for (String column : List.of("product_id", "seller_id", "category_id", "leader_id", "winner_id")) {
            row.put(column, rs.getObject(column, UUID.class));
        }
        for (String column : List.of("title", "currency", "status", "outcome")) {
            row.put(column, rs.getString(column));
        }
        for (String column : List.of("starting_price", "reserve_price", "buy_now_price", "current_price", "leader_max")) {
            row.put(column, rs.getBigDecimal(column));
        }
        for (String column : List.of("starts_at", "ends_at", "created_at", "closed_at")) {
            Timestamp timestamp = rs.getTimestamp(column);
            row.put(column, timestamp == null ? null : timestamp.toInstant());
        }
        row.put("bid_count", rs.getInt("bid_count"));
        row.put("bought_now", rs.getBoolean("bought_now"));
        row.put("seq", rs.getLong("seq"));
        row.put("extension_ms", (Long) rs.getObject("extension_ms"));
        return Auction.restored(rs.getObject("id", UUID.class), row);
    }
}
