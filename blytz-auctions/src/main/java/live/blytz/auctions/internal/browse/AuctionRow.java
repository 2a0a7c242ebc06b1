package live.blytz.auctions.internal.browse;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import live.blytz.auctions.internal.Increments;
import live.blytz.auctions.internal.browse.AuctionBrowseService.AfterBid;
import live.blytz.auctions.internal.browse.AuctionResponse.BidderRef;
import live.blytz.auctions.internal.browse.AuctionResponse.ProductRef;
import live.blytz.auctions.internal.browse.AuctionResponse.SellerRef;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Money;
import org.jspecify.annotations.Nullable;

/**
 * An auction's projection row with its seller's display name, the handles of its leader and winner, and the viewer's
 * own maximum and handle.
 */
record AuctionRow(UUID id, UUID productId, UUID sellerId, @Nullable String sellerName, UUID categoryId, String title,
        String currency, String status, @Nullable String outcome, BigDecimal startingPrice, BigDecimal currentPrice,
        int bidCount, @Nullable BigDecimal reservePrice, @Nullable BigDecimal buyNowPrice, @Nullable UUID leaderId,
        @Nullable Integer leaderHandle, @Nullable UUID winnerId, @Nullable Integer winnerHandle,
        @Nullable BigDecimal viewerMax, @Nullable Integer viewerHandle, Instant startsAt, Instant endsAt,
        Instant createdAt, @Nullable Instant closedAt, long seq) {

    /** The columns {@link #of} reads; {@code :viewer} is the caller's id (a nil UUID for anonymous callers). */
    static final String SELECT = select("a.leader_id");

    /**
     * {@link #SELECT} with the handle of bidder {@code :leader} as the leader's and, as {@code bidder_handles}, the
     * handles of the bidders {@code :bidders} ("id number" each), for {@link #after}; no viewer's columns.
     */
    static final String SELECT_LED_BY = select(":leader", """
            , ARRAY(SELECT bidder_id::text || ' ' || handle_no FROM auctions.participants
                    WHERE auction_id = a.id AND bidder_id = ANY (CAST(:bidders AS uuid[]))) AS bidder_handles""");

    private static String select(String leader) {
        return select(leader, "");
    }

    private static String select(String leader, String columns) {
        return """
                SELECT a.*, s.display_name AS seller_name, lp.handle_no AS leader_handle, wp.handle_no AS winner_handle,
                    vp.max_amount AS viewer_max, vp.handle_no AS viewer_handle%s
                FROM auctions.auctions a
                LEFT JOIN auctions.accounts s ON s.id = a.seller_id
                LEFT JOIN auctions.participants lp ON lp.auction_id = a.id AND lp.bidder_id = %s
                LEFT JOIN auctions.participants wp ON wp.auction_id = a.id AND wp.bidder_id = a.winner_id
                LEFT JOIN auctions.participants vp ON vp.auction_id = a.id AND vp.bidder_id = :viewer"""
                .formatted(columns, leader);
    }

    static final UUID ANONYMOUS = new UUID(0, 0);

    static UUID viewer(@Nullable Caller caller) {
        return caller == null ? ANONYMOUS : caller.id().value();
    }

    static AuctionRow of(ResultSet rs, int rowNum) throws SQLException {
        return new AuctionRow(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getObject("seller_id", UUID.class), rs.getString("seller_name"),
                rs.getObject("category_id", UUID.class), rs.getString("title"),
                rs.getString("currency").strip(), rs.getString("status"), rs.getString("outcome"),
                rs.getBigDecimal("starting_price"), rs.getBigDecimal("current_price"), rs.getInt("bid_count"),
                rs.getBigDecimal("reserve_price"), rs.getBigDecimal("buy_now_price"),
                rs.getObject("leader_id", UUID.class), (Integer) rs.getObject("leader_handle"),
                rs.getObject("winner_id", UUID.class), (Integer) rs.getObject("winner_handle"),
                rs.getBigDecimal("viewer_max"), (Integer) rs.getObject("viewer_handle"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("closed_at")), rs.getLong("seq"));
    }

    /** The auction as {@code caller} may see it. */
    AuctionResponse view(@Nullable Caller caller, Increments increments) {
        boolean insider = caller != null && (caller.isAdmin() || caller.id().value().equals(sellerId));
        boolean running = "running".equals(status);
        boolean reserveMet = bidCount > 0 && (reservePrice == null || currentPrice.compareTo(reservePrice) >= 0);
        Currency money = Currency.getInstance(currency);
        BigDecimal minimum = !running ? null : bidCount == 0 ? startingPrice
                : increments.above(Money.of(currentPrice, money)).amount();
        boolean buyNow = running && buyNowPrice != null && !reserveMet && buyNowPrice.compareTo(currentPrice) > 0;
        return new AuctionResponse(id, new ProductRef(productId, title), new SellerRef(sellerId, sellerName),
                categoryId, status, outcome, currency, startingPrice, currentPrice, minimum, bidCount,
                bidder(leaderId, leaderHandle, caller, insider), reservePrice != null, reserveMet,
                insider ? reservePrice : null, buyNowPrice, buyNow, bidder(winnerId, winnerHandle, caller, insider),
                viewerMax, startsAt, endsAt, createdAt, closedAt, seq);
    }

    /**
     * This row as the auction stood right after a bid of the viewer's: running, with the price, bid count, leader,
     * end and version that bid left, the viewer's maximum then and their handle. Read with {@link #SELECT_LED_BY} that
     * leader.
     */
    AuctionRow after(AfterBid state, BigDecimal yourMax, int yourHandle) {
        return new AuctionRow(id, productId, sellerId, sellerName, categoryId, title, currency, "running", null,
                startingPrice, state.currentPrice(), state.bidCount(), reservePrice, buyNowPrice, state.leaderId(),
                leaderHandle, null, null, yourMax, yourHandle, startsAt, state.endsAt(), createdAt, null,
                state.version());
    }

    private static @Nullable BidderRef bidder(@Nullable UUID id, @Nullable Integer handle, @Nullable Caller caller,
            boolean insider) {
        if (id == null || handle == null) {
            return null;
        }
        boolean self = caller != null && caller.id().value().equals(id);
        return new BidderRef(handle(handle), insider || self ? id : null);
    }

    static String handle(int number) {
        return "bidder-" + number;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
