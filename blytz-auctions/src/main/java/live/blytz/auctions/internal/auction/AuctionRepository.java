package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
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

    /** Appends {@code facts} at {@code now}, applies them to {@code auction} and writes its projections. */
    void record(Auction auction, List<AuctionFact> facts, Instant now) {
        for (AuctionFact fact : facts) {
            long seq = auction.seq() + 1;
            jdbc.sql("""
                            INSERT INTO auctions.auction_events (auction_id, seq, type, payload, occurred_at)
                            VALUES (:id, :seq, :type, CAST(:payload AS jsonb), :at)""")
                    .param("id", auction.id()).param("seq", seq).param("type", fact.type())
                    .param("payload", json.writeValueAsString(fact)).param("at", Timestamp.from(now))
                    .update();
            auction.apply(fact, seq, now);
            projectSideRows(auction.id(), new Logged(seq, fact, now));
        }
        save(auction);
        tellWatchersAfterCommit(auction.id(), auction.seq());
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
            projectSideRows(id, logged);
        }
        save(auction);
    }

    /** The public handle number of a bidder in an auction (the order of their first bid), if they bid. */
    Optional<Integer> handleOf(UUID auctionId, UserId bidder) {
        return jdbc.sql("SELECT handle_no FROM auctions.participants WHERE auction_id = :id AND bidder_id = :bidder")
                .param("id", auctionId).param("bidder", bidder.value()).query(Integer.class).optional();
    }

    private void projectSideRows(UUID id, Logged logged) {
        switch (logged.fact()) {
            case BidAccepted bid -> {
                bid(id, logged, bid.bidderId(), bid.amount(), "bid");
                participant(id, bid.bidderId(), bid.maxAmount(), logged.occurredAt());
            }
            case ProxyBid proxy -> bid(id, logged, proxy.bidderId(), proxy.amount(), "proxy");
            case BoughtNow bought -> {
                bid(id, logged, bought.buyerId(), bought.price(), "buy_now");
                participant(id, bought.buyerId(), bought.price(), logged.occurredAt());
            }
            default -> {
            }
        }
    }

    private void bid(UUID id, Logged logged, UUID bidder, BigDecimal amount, String kind) {
        jdbc.sql("""
                        INSERT INTO auctions.bids (auction_id, seq, bidder_id, amount, kind, placed_at)
                        VALUES (:id, :seq, :bidder, :amount, :kind, :at)""")
                .param("id", id).param("seq", logged.seq()).param("bidder", bidder).param("amount", amount)
                .param("kind", kind).param("at", Timestamp.from(logged.occurredAt()))
                .update();
    }

    /** A bidder's handle is the next number at their first bid; their maximum only grows. */
    private void participant(UUID id, UUID bidder, BigDecimal max, Instant at) {
        jdbc.sql("""
                        INSERT INTO auctions.participants AS p (auction_id, bidder_id, handle_no, max_amount, last_bid_at)
                        VALUES (:id, :bidder,
                            (SELECT COALESCE(MAX(handle_no), 0) + 1 FROM auctions.participants WHERE auction_id = :id),
                            :max, :at)
                        ON CONFLICT (auction_id, bidder_id) DO UPDATE
                        SET max_amount = GREATEST(p.max_amount, EXCLUDED.max_amount), last_bid_at = EXCLUDED.last_bid_at""")
                .param("id", id).param("bidder", bidder).param("max", max).param("at", Timestamp.from(at))
                .update();
    }

    private void save(Auction auction) {
        MapSqlParameterSource p = new MapSqlParameterSource()
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
        jdbc.sql("""
                        INSERT INTO auctions.auctions AS a (id, product_id, seller_id, category_id, title, currency,
                            starting_price, reserve_price, buy_now_price, status, outcome, starts_at, ends_at,
                            extension_ms, current_price, bid_count, leader_id, leader_max, winner_id, bought_now, seq, created_at,
                            closed_at)
                        VALUES (:id, :product, :seller, :category, :title, :currency, :starting, :reserve, :buyNow,
                            :status, :outcome, :startsAt, :endsAt, :extension, :price, :bids, :leader, :leaderMax, :winner,
                            :boughtNow, :seq, :created, :closed)
                        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, outcome = EXCLUDED.outcome,
                            ends_at = EXCLUDED.ends_at, current_price = EXCLUDED.current_price,
                            bid_count = EXCLUDED.bid_count, leader_id = EXCLUDED.leader_id,
                            leader_max = EXCLUDED.leader_max, winner_id = EXCLUDED.winner_id,
                            bought_now = EXCLUDED.bought_now, seq = EXCLUDED.seq, closed_at = EXCLUDED.closed_at""")
                .paramSource(p)
                .update();
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
