package live.blytz.auctions.internal.show;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.auctions.internal.ShowLogWatcher;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows, their lots and their logs. Every change of a show runs under its row lock ({@link #lock}), so its changes and
 * the facts appended to its log are decided one at a time on every instance; the log's primary key refuses a gap or a
 * duplicate even so.
 */
@Repository
class ShowRepository {

    private final JdbcClient jdbc;
    private final List<ShowLogWatcher> watchers;

    ShowRepository(JdbcClient jdbc, List<ShowLogWatcher> watchers) {
        this.jdbc = jdbc;
        this.watchers = List.copyOf(watchers);
    }

    /** A fact of a show's log: its type (the stream's event name) and its public payload (the event's data). */
    record Fact(String type, ObjectNode payload) {
    }

    Optional<Show> find(UUID id) {
        return jdbc.sql("SELECT * FROM auctions.shows WHERE id = :id").param("id", id).query(ShowRepository::show)
                .optional();
    }

    /** The ids of up to 100 shows still scheduled that were to start before {@code before}. */
    List<UUID> scheduledBefore(Instant before) {
        return jdbc.sql("SELECT id FROM auctions.shows WHERE status = 'scheduled' AND starts_at < :before LIMIT 100")
                .param("before", Timestamp.from(before)).query(UUID.class).list();
    }

    /** The show, its row locked until the transaction ends: every change of one show queues here. */
    Optional<Show> lock(UUID id) {
        return jdbc.sql("SELECT * FROM auctions.shows WHERE id = :id FOR UPDATE").param("id", id)
                .query(ShowRepository::show).optional();
    }

    void insert(Show show) {
        jdbc.sql("""
                        INSERT INTO auctions.shows (id, seller_id, title, playback_url, status, starts_at, seq, version,
                            created_at)
                        VALUES (:id, :seller, :title, :url, :status, :startsAt, :seq, :version, :created)""")
                .param("id", show.id()).param("seller", show.sellerId().value()).param("title", show.title())
                .param("url", show.playbackUrl(), Types.VARCHAR).param("status", show.status().code())
                .param("startsAt", Timestamp.from(show.startsAt())).param("seq", show.seq())
                .param("version", show.version()).param("created", Timestamp.from(show.createdAt()))
                .update();
    }

    /** Writes what changes of a show: its status, running lot, log position, version and end. */
    void update(Show show) {
        jdbc.sql("""
                        UPDATE auctions.shows SET status = :status, current_lot_id = :lot, seq = :seq,
                            version = :version, ended_at = :ended
                        WHERE id = :id""")
                .param("id", show.id()).param("status", show.status().code())
                .param("lot", show.currentLotId(), Types.OTHER).param("seq", show.seq())
                .param("version", show.version())
                .param("ended", show.endedAt() == null ? null : Timestamp.from(show.endedAt()), Types.TIMESTAMP)
                .update();
    }

    /**
     * Appends {@code facts} to the show's log after {@code show.seq()}, at {@code now}; returns the show's new log
     * position. Its stream learns of them once the transaction has committed (never of a rolled-back one).
     */
    long append(Show show, List<Fact> facts, Instant now) {
        long seq = show.seq();
        for (Fact fact : facts) {
            seq++;
            jdbc.sql("""
                            INSERT INTO auctions.show_events (show_id, seq, type, payload, occurred_at)
                            VALUES (:id, :seq, :type, CAST(:payload AS jsonb), :at)""")
                    .param("id", show.id()).param("seq", seq).param("type", fact.type())
                    .param("payload", fact.payload().toString()).param("at", Timestamp.from(now))
                    .update();
        }
        if (!facts.isEmpty()) {
            tellWatchersAfterCommit(show.id(), seq);
        }
        return seq;
    }

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

    List<Lot> lots(UUID showId) {
        return jdbc.sql("SELECT * FROM auctions.show_lots WHERE show_id = :show ORDER BY position")
                .param("show", showId).query(ShowRepository::lot).list();
    }

    Optional<Lot> lot(UUID showId, UUID lotId) {
        return jdbc.sql("SELECT * FROM auctions.show_lots WHERE id = :id AND show_id = :show")
                .param("id", lotId).param("show", showId).query(ShowRepository::lot).optional();
    }

    /** The running lot whose auction is {@code auctionId}, if any. */
    Optional<Lot> runningLotOf(UUID auctionId) {
        return jdbc.sql("SELECT * FROM auctions.show_lots WHERE auction_id = :auction AND status = 'running'")
                .param("auction", auctionId).query(ShowRepository::lot).optional();
    }

    /**
     * The auctions of every running lot, each with whether its auction's log has facts the show's log has not copied
     * yet.
     */
    Map<UUID, Boolean> runningLotAuctions() {
        return jdbc.sql("""
                        SELECT l.auction_id, a.seq > l.mirrored_seq AS behind
                        FROM auctions.show_lots l JOIN auctions.auctions a ON a.id = l.auction_id
                        WHERE l.status = 'running'""")
                .query((rs, row) -> Map.entry(rs.getObject("auction_id", UUID.class), rs.getBoolean("behind")))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    int lotCount(UUID showId) {
        return jdbc.sql("SELECT count(*) FROM auctions.show_lots WHERE show_id = :show").param("show", showId)
                .query(Integer.class).single();
    }

    void insertLot(Lot lot) {
        jdbc.sql("""
                        INSERT INTO auctions.show_lots (id, show_id, position, product_id, auction_id, title, currency,
                            starting_price, status, mirrored_seq, added_at)
                        VALUES (:id, :show,
                            (SELECT COALESCE(MAX(position), 0) + 1 FROM auctions.show_lots WHERE show_id = :show),
                            :product, :auction, :title, :currency, :starting, :status, 0, :added)""")
                .param("id", lot.id()).param("show", lot.showId()).param("product", lot.productId())
                .param("auction", lot.auctionId()).param("title", lot.title()).param("currency", lot.currency())
                .param("starting", lot.startingPrice()).param("status", lot.status().code())
                .param("added", Timestamp.from(lot.addedAt()))
                .update();
    }

    /** Writes what changes of a lot: its status, copied log position, start and end. */
    void updateLot(Lot lot) {
        jdbc.sql("""
                        UPDATE auctions.show_lots SET status = :status, mirrored_seq = :mirrored, started_at = :started,
                            ended_at = :ended
                        WHERE id = :id""")
                .param("id", lot.id()).param("status", lot.status().code()).param("mirrored", lot.mirroredSeq())
                .param("started", timestamp(lot.startedAt()), Types.TIMESTAMP)
                .param("ended", timestamp(lot.endedAt()), Types.TIMESTAMP)
                .update();
    }

    void reposition(UUID lotId, int position) {
        jdbc.sql("UPDATE auctions.show_lots SET position = :position WHERE id = :id")
                .param("id", lotId).param("position", position).update();
    }

    void deleteLot(UUID lotId) {
        jdbc.sql("DELETE FROM auctions.show_lots WHERE id = :id").param("id", lotId).update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Show show(ResultSet rs, int row) throws SQLException {
        return new Show(rs.getObject("id", UUID.class), new UserId(rs.getObject("seller_id", UUID.class)),
                rs.getString("title"), rs.getString("playback_url"),
                Codes.parse(ShowStatus.class, rs.getString("status")), rs.getTimestamp("starts_at").toInstant(),
                rs.getObject("current_lot_id", UUID.class), rs.getLong("seq"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("ended_at")));
    }

    private static Lot lot(ResultSet rs, int row) throws SQLException {
        return new Lot(rs.getObject("id", UUID.class), rs.getObject("show_id", UUID.class), rs.getInt("position"),
                rs.getObject("product_id", UUID.class), rs.getObject("auction_id", UUID.class), rs.getString("title"),
                rs.getString("currency").strip(), rs.getBigDecimal("starting_price"),
                Codes.parse(LotStatus.class, rs.getString("status")), rs.getLong("mirrored_seq"),
                rs.getTimestamp("added_at").toInstant(), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")));
    }
}
