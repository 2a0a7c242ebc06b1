package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import live.blytz.auctions.internal.AuctionLogWatcher;
import live.blytz.auctions.internal.auction.AuctionFact.BidAccepted;
import live.blytz.auctions.internal.auction.AuctionFact.BoughtNow;
import live.blytz.auctions.internal.auction.AuctionFact.Logged;
import live.blytz.auctions.internal.auction.AuctionFact.MaxRaised;
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

    /** The ids of the running auctions a bidder leads with a maximum above the price. */
    List<UUID> defendedBy(UserId bidder) {
        return jdbc.sql("""
                        SELECT id FROM auctions.auctions
                        WHERE leader_id = :bidder AND status = 'running' AND leader_max > current_price""")
                .param("bidder", bidder.value()).query(UUID.class).list();
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
     * Appends {@code facts} at {@code now}, applies them to {@code auction} and writes its projections.
     */
    void record(Auction auction, List<AuctionFact> facts, Instant now) {
        append(auction, auction.fold(facts, now), List.of(), List.of());
    }

    /**
     * Writes facts already folded into {@code auction} ({@link Auction#fold}) — those of one decision or of a batch of
     * bids — in one statement, so that the auction's row lock is held for one round trip between the decisions and
     * the commit: appends them to the log, writes the projections, stores {@code outcomes} as the first outcomes of
     * their Idempotency-Keys and forgets the {@code released} keys (claimed by bids this batch refused). Returns the
     * handle number of every participant the facts name as leader.
     */
    Map<UUID, Integer> append(Auction auction, List<Logged> appended, List<KeyOutcome> outcomes,
            List<KeyRef> released) {
        Map<UUID, Integer> handles = write(auction, appended, true, outcomes, released);
        tellWatchersAfterCommit(auction.id(), auction.seq());
        return handles;
    }

    /** The first outcome of a bid, stored with its facts under the Idempotency-Key the bid claimed. */
    record KeyOutcome(KeyRef key, int status, String body) {
    }

    /**
     * One statement for a batch of bids before the lock: claims their Idempotency-Keys (a key another transaction
     * holds is waited for), finds which bidders are suspended, and reads the auction as last committed, without a
     * lock (a price only rises, so a bid too low for it is too low under the lock too). Empty without the auction.
     * <p>
     * It also has every later statement of the batch's transaction (the lock, the write) run on generic plans
     * ({@code set_config(..., true)} is {@code SET LOCAL}, without a round trip of its own): the write's arrays make
     * PostgreSQL's custom plans look cheaper than its generic one, so it planned the write again for every batch, under
     * the row lock (ADR 0036).
     */
    Optional<BeforeLock> claimAndPeek(UUID id, List<KeyClaim> claims, Collection<UUID> bidders, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now))
                .addValue("keyBidders", texts(claims, claim -> claim.key().bidder()))
                .addValue("keys", texts(claims, claim -> claim.key().key()))
                .addValue("fingerprints", texts(claims, KeyClaim::fingerprint))
                .addValue("bidders", texts(bidders, bidder -> bidder));
        // Keys are visible ASCII without spaces: "bidder key" is unambiguous.
        String sql = """
                WITH claimed AS (
                    INSERT INTO auctions.idempotency_keys (bidder_id, key, fingerprint, created_at)
                    SELECT bidder_id, key, fingerprint, :now
                    FROM unnest(CAST(:keyBidders AS uuid[]), CAST(:keys AS text[]), CAST(:fingerprints AS text[]))
                        AS claim (bidder_id, key, fingerprint)
                    ON CONFLICT DO NOTHING RETURNING bidder_id, key)
                SELECT a.*, set_config('plan_cache_mode', 'force_generic_plan', true) AS plan_cache_mode,
                    ARRAY(SELECT bidder_id::text || ' ' || key FROM claimed) AS claimed,
                    ARRAY(SELECT id::text FROM auctions.accounts
                          WHERE id = ANY (CAST(:bidders AS uuid[])) AND suspended) AS suspended
                FROM auctions.auctions a WHERE a.id = :id""";
        return jdbc.sql(sql).paramSource(p).query((rs, row) -> {
            Set<KeyRef> claimed = new HashSet<>();
            for (String entry : (String[]) rs.getArray("claimed").getArray()) {
                int space = entry.indexOf(' ');
                claimed.add(new KeyRef(UUID.fromString(entry.substring(0, space)), entry.substring(space + 1)));
            }
            Set<UUID> suspended = new HashSet<>();
            for (String entry : (String[]) rs.getArray("suspended").getArray()) {
                suspended.add(UUID.fromString(entry));
            }
            return new BeforeLock(auction(rs, row), claimed, suspended);
        }).optional();
    }

    /** A bidder's Idempotency-Key. */
    record KeyRef(UUID bidder, String key) {
    }

    /** A key to claim for a request with this fingerprint. */
    record KeyClaim(KeyRef key, String fingerprint) {
    }

    /** What {@link #claimAndPeek} found: the auction as last committed, the keys claimed, the suspended bidders. */
    record BeforeLock(Auction seen, Set<KeyRef> claimed, Set<UUID> suspended) {
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
            write(auction, List.of(logged), false, List.of(), List.of());
        }
    }

    /**
     * One statement of data-modifying CTEs: the facts appended to the log (unless {@code append} is false, as when
     * rebuilding from it), their history rows, the participants' rows (new ones numbered in the order of their first
     * bid), the keys' outcomes and releases, and the auction's row; it returns the handles of the leaders the facts
     * name.
     */
    private Map<UUID, Integer> write(Auction auction, List<Logged> facts, boolean append, List<KeyOutcome> outcomes,
            List<KeyRef> released) {
        MapSqlParameterSource p = projection(auction);
        List<Logged> history = new ArrayList<>();
        List<HistoryRow> rows = new ArrayList<>();
        // Per participant, in the order of its first fact here: its greatest maximum and its last bid's time.
        Map<UUID, ParticipantRow> participants = new LinkedHashMap<>();
        Set<UUID> leaders = new LinkedHashSet<>();
        for (Logged logged : facts) {
            if (logged.fact() instanceof MaxRaised raised) {
                // Private: no history row, only the leader's own maximum.
                participants.merge(raised.bidderId(), new ParticipantRow(raised.leaderMax(), logged.occurredAt()),
                        ParticipantRow::then);
                continue;
            }
            HistoryRow row = switch (logged.fact()) {
                case BidAccepted bid -> new HistoryRow(bid.bidderId(), bid.amount(), "bid", bid.maxAmount(),
                        bid.leaderId());
                case ProxyBid proxy -> new HistoryRow(proxy.bidderId(), proxy.amount(), "proxy", null, proxy.leaderId());
                case BoughtNow bought -> new HistoryRow(bought.buyerId(), bought.price(), "buy_now", bought.price(),
                        bought.buyerId());
                default -> null;
            };
            if (row == null) {
                continue;
            }
            history.add(logged);
            rows.add(row);
            leaders.add(row.leader());
            if (row.max() != null) {
                participants.merge(row.bidder(), new ParticipantRow(row.max(), logged.occurredAt()),
                        ParticipantRow::then);
            }
        }
        // The rows go as arrays, so that the statement's text is the same for every batch: PostgreSQL parses and plans
        // it once per connection, not once per batch (bench README).
        p.addValue("eSeq", texts(facts, Logged::seq)).addValue("eType", texts(facts, logged -> logged.fact().type()))
                .addValue("ePayload", texts(facts, logged -> json.writeValueAsString(logged.fact())))
                .addValue("eAt", texts(facts, Logged::occurredAt))
                .addValue("hSeq", texts(history, Logged::seq)).addValue("hAt", texts(history, Logged::occurredAt))
                .addValue("hBidder", texts(rows, HistoryRow::bidder))
                .addValue("hAmount", texts(rows, HistoryRow::amount))
                .addValue("hKind", texts(rows, HistoryRow::kind))
                .addValue("pBidder", texts(participants.keySet(), bidder -> bidder))
                .addValue("pMax", texts(participants.values(), ParticipantRow::max))
                .addValue("pAt", texts(participants.values(), ParticipantRow::lastBidAt))
                .addValue("oBidder", texts(outcomes, outcome -> outcome.key().bidder()))
                .addValue("oKey", texts(outcomes, outcome -> outcome.key().key()))
                .addValue("oStatus", texts(outcomes, KeyOutcome::status))
                .addValue("oBody", texts(outcomes, KeyOutcome::body))
                .addValue("rBidder", texts(released, KeyRef::bidder)).addValue("rKey", texts(released, KeyRef::key))
                // The leaders' handles: the participant rows this statement wrote, else the ones stored (a
                // statement's CTEs all read the snapshot from before it).
                .addValue("leaders", texts(leaders, leader -> leader));
        return jdbc.sql(append ? APPEND : WRITE).paramSource(p).query((ResultSet rs) -> {
            Map<UUID, Integer> handles = new HashMap<>();
            while (rs.next()) {
                handles.putIfAbsent(rs.getObject("bidder_id", UUID.class), rs.getInt("handle_no"));
            }
            return handles;
        });
    }

    /**
     * {@link #write}'s statement without the log's insert: the history rows, the participants' rows (each new one gets
     * the next handle number in the order of its first bid, the order rebuilding the log one fact at a time gives them
     * too; a known one keeps its handle, with its greatest maximum), the keys' outcomes and releases, the auction's
     * row.
     */
    private static final String PROJECTIONS = """
            history AS (
                INSERT INTO auctions.bids (auction_id, seq, bidder_id, amount, kind, placed_at)
                SELECT :id, seq, bidder_id, amount, kind, placed_at
                FROM unnest(CAST(:hSeq AS bigint[]), CAST(:hBidder AS uuid[]), CAST(:hAmount AS numeric[]),
                    CAST(:hKind AS text[]), CAST(:hAt AS timestamptz[]))
                    AS h (seq, bidder_id, amount, kind, placed_at)),
            incoming AS (
                SELECT * FROM unnest(CAST(:pBidder AS uuid[]), CAST(:pMax AS numeric[]), CAST(:pAt AS timestamptz[]))
                    WITH ORDINALITY AS i (bidder_id, max_amount, last_bid_at, ord)),
            fresh AS (
                SELECT i.bidder_id, row_number() OVER (ORDER BY i.ord)
                    + (SELECT COALESCE(MAX(handle_no), 0) FROM auctions.participants WHERE auction_id = :id) AS handle_no
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM auctions.participants x
                                  WHERE x.auction_id = :id AND x.bidder_id = i.bidder_id)),
            participant AS (
                INSERT INTO auctions.participants AS p (auction_id, bidder_id, handle_no, max_amount, last_bid_at)
                SELECT :id, i.bidder_id, COALESCE(f.handle_no, 0), i.max_amount, i.last_bid_at
                FROM incoming i LEFT JOIN fresh f USING (bidder_id)
                ON CONFLICT (auction_id, bidder_id) DO UPDATE
                SET max_amount = GREATEST(p.max_amount, EXCLUDED.max_amount), last_bid_at = EXCLUDED.last_bid_at
                RETURNING bidder_id, handle_no),
            outcome AS (
                UPDATE auctions.idempotency_keys k SET status = o.status, body = o.body
                FROM unnest(CAST(:oBidder AS uuid[]), CAST(:oKey AS text[]), CAST(:oStatus AS int[]),
                    CAST(:oBody AS text[])) AS o (bidder_id, key, status, body)
                WHERE k.bidder_id = o.bidder_id AND k.key = o.key),
            released AS (
                DELETE FROM auctions.idempotency_keys k
                USING unnest(CAST(:rBidder AS uuid[]), CAST(:rKey AS text[])) AS r (bidder_id, key)
                WHERE k.bidder_id = r.bidder_id AND k.key = r.key),
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
                    bought_now = EXCLUDED.bought_now, seq = EXCLUDED.seq, closed_at = EXCLUDED.closed_at)
            SELECT bidder_id, handle_no FROM participant
            UNION ALL
            SELECT bidder_id, handle_no FROM auctions.participants
            WHERE auction_id = :id AND bidder_id = ANY (CAST(:leaders AS uuid[]))""";

    /** {@link #write}'s statement when rebuilding from the log: the projections only. */
    private static final String WRITE = "WITH " + PROJECTIONS;

    /** {@link #write}'s statement: the facts appended to the log, and the projections. */
    private static final String APPEND = """
            WITH events AS (
                INSERT INTO auctions.auction_events (auction_id, seq, type, payload, occurred_at)
                SELECT :id, seq, type, CAST(payload AS jsonb), occurred_at
                FROM unnest(CAST(:eSeq AS bigint[]), CAST(:eType AS text[]), CAST(:ePayload AS text[]),
                    CAST(:eAt AS timestamptz[])) AS e (seq, type, payload, occurred_at)),
            """ + PROJECTIONS;

    /** The values as text, for a statement that reads them as an array of their SQL type. */
    private static <T> String[] texts(Collection<T> values, Function<T, @Nullable Object> value) {
        return values.stream().map(value).map(v -> v == null ? null : v instanceof BigDecimal amount
                ? amount.toPlainString() : v.toString()).toArray(String[]::new);
    }

    private record ParticipantRow(BigDecimal max, Instant lastBidAt) {

        /** This row followed by a later fact of the same participant: the greater maximum, the later time. */
        ParticipantRow then(ParticipantRow later) {
            return new ParticipantRow(max.max(later.max()), later.lastBidAt());
        }
    }

    /** The history row and participant maximum a fact writes, if any. */
    private record HistoryRow(UUID bidder, BigDecimal amount, String kind, @Nullable BigDecimal max, UUID leader) {
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
