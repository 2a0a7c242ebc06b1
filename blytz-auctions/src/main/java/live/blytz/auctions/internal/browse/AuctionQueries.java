package live.blytz.auctions.internal.browse;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import live.blytz.catalog.CategoryTree;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the auction reads, all on the projections (ADR 0025). Keyset pages continue with a row comparison. */
@Repository
public class AuctionQueries {

    private final JdbcClient jdbc;
    private final CategoryTree categories;

    AuctionQueries(JdbcClient jdbc, CategoryTree categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** Keyset position: the sort key and id of the last row the client saw. */
    record After(Object key, UUID id) {
    }

    Optional<AuctionRow> row(UUID id, @Nullable Caller viewer) {
        return jdbc.sql(AuctionRow.SELECT + " WHERE a.id = :id")
                .param("id", id).param("viewer", AuctionRow.viewer(viewer))
                .query(AuctionRow::of).optional();
    }

    /**
     * Auction {@code id} with bidder {@code leader}'s handle as the leader's ({@link AuctionRow#after}), and the handles
     * of {@code bidders} by id.
     */
    Optional<LedRow> rowLedBy(UUID id, UUID leader, Collection<UUID> bidders) {
        return jdbc.sql(AuctionRow.SELECT_LED_BY + " WHERE a.id = :id")
                .param("id", id).param("viewer", AuctionRow.ANONYMOUS).param("leader", leader)
                .param("bidders", bidders.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, rowNum) -> {
                    Map<UUID, Integer> handles = new HashMap<>();
                    for (String entry : (String[]) rs.getArray("bidder_handles").getArray()) {
                        int space = entry.indexOf(' ');
                        handles.put(UUID.fromString(entry.substring(0, space)),
                                Integer.valueOf(entry.substring(space + 1)));
                    }
                    return new LedRow(AuctionRow.of(rs, rowNum), handles);
                }).optional();
    }

    /** An auction's row as {@link #rowLedBy} read it, and its bidders' handles. */
    record LedRow(AuctionRow row, Map<UUID, Integer> handles) {
    }

    List<AuctionRow> page(AuctionFilter filter, AuctionSort sort, @Nullable After after, int limit,
            @Nullable Caller viewer) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", AuctionRow.viewer(viewer));
        params.put("limit", limit);
        if (filter.status() != null) {
            where.add("a.status = :status");
            params.put("status", filter.status());
        } else {
            // What can still be bid on: a browser's first page is not the oldest finished auctions.
            where.add("a.status IN ('scheduled', 'running')");
        }
        if (filter.categoryId() != null) {
            // The category and its sub-categories, as catalog's product listing filters (an unknown one: none).
            Set<UUID> tree = categories.withDescendants(filter.categoryId());
            where.add("a.category_id IN (:categories)");
            params.put("categories", tree.isEmpty() ? Set.of(filter.categoryId()) : tree);
        }
        if (filter.sellerId() != null) {
            where.add("a.seller_id = :seller");
            params.put("seller", filter.sellerId());
        }
        if (filter.endingBefore() != null) {
            where.add("a.ends_at < :endingBefore");
            params.put("endingBefore", Timestamp.from(filter.endingBefore()));
        }
        String direction = sort.descending() ? "DESC" : "ASC";
        if (after != null) {
            where.add("(" + sort.key().column + ", a.id) " + (sort.descending() ? "<" : ">") + " (:afterKey, :afterId)");
            params.put("afterKey", after.key());
            params.put("afterId", after.id());
        }
        String sql = AuctionRow.SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + sort.key().column + " " + direction + ", a.id " + direction + " LIMIT :limit";
        return jdbc.sql(sql).params(params).query(AuctionRow::of).list();
    }

    /** A seller's auctions, newest first. */
    List<AuctionRow> ofSeller(UserId seller, int limit, long offset, Caller viewer) {
        return jdbc.sql(AuctionRow.SELECT + " WHERE a.seller_id = :seller ORDER BY a.created_at DESC, a.id DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("seller", seller.value()).param("viewer", AuctionRow.viewer(viewer))
                .param("limit", limit).param("offset", offset)
                .query(AuctionRow::of).list();
    }

    long countOfSeller(UserId seller) {
        return jdbc.sql("SELECT count(*) FROM auctions.auctions WHERE seller_id = :seller")
                .param("seller", seller.value()).query(Long.class).single();
    }

    /** The auctions a bidder took part in, the latest bid first. */
    List<AuctionRow> ofBidder(UserId bidder, int limit, long offset) {
        return jdbc.sql(AuctionRow.SELECT + " WHERE vp.bidder_id IS NOT NULL ORDER BY vp.last_bid_at DESC, a.id DESC "
                        + "LIMIT :limit OFFSET :offset")
                .param("viewer", bidder.value()).param("limit", limit).param("offset", offset)
                .query(AuctionRow::of).list();
    }

    long countOfBidder(UserId bidder) {
        return jdbc.sql("SELECT count(*) FROM auctions.participants WHERE bidder_id = :bidder")
                .param("bidder", bidder.value()).query(Long.class).single();
    }

    /** One bid of the history, with the bidder's handle. */
    record BidRow(long seq, UUID bidderId, int handle, java.math.BigDecimal amount, String kind,
            java.time.Instant placedAt) {
    }

    /** An auction's accepted bids, newest first, before {@code beforeSeq} when given. */
    List<BidRow> bids(UUID auctionId, @Nullable Long beforeSeq, int limit) {
        return jdbc.sql("""
                        SELECT b.seq, b.bidder_id, p.handle_no, b.amount, b.kind, b.placed_at
                        FROM auctions.bids b
                        JOIN auctions.participants p ON p.auction_id = b.auction_id AND p.bidder_id = b.bidder_id
                        WHERE b.auction_id = :id AND b.seq < :before
                        ORDER BY b.seq DESC LIMIT :limit""")
                .param("id", auctionId).param("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .param("limit", limit)
                .query((rs, row) -> new BidRow(rs.getLong("seq"), rs.getObject("bidder_id", UUID.class),
                        rs.getInt("handle_no"), rs.getBigDecimal("amount"), rs.getString("kind"),
                        rs.getTimestamp("placed_at").toInstant()))
                .list();
    }
}
