package live.blytz.auctions.internal.auction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import live.blytz.auctions.internal.auction.AuctionRepository.KeyRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bid requests sent with an {@code Idempotency-Key}, per bidder, with the first outcome of each accepted one. A
 * batch of bids claims its keys before it takes the auction's lock ({@link AuctionRepository#claimAndPeek}); a
 * concurrent request with the same key waits on that row until the first one commits (then it finds the first
 * outcome) or releases it (then it claims the key itself). An accepted bid's outcome is stored with its facts, a
 * refused bid's claim released in the same statement ({@link AuctionRepository#append}).
 */
@Repository
class IdempotencyKeyRepository {

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key's stored request fingerprint and first outcome. */
    record Stored(String fingerprint, @Nullable Integer status, @Nullable String body) {
    }

    /** The keys of {@code refs} that are stored, with their fingerprint and first outcome. */
    Map<KeyRef, Stored> findAll(List<KeyRef> refs) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < refs.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:bidder%1$d, :key%1$d)".formatted(i));
            p.addValue("bidder" + i, refs.get(i).bidder()).addValue("key" + i, refs.get(i).key());
        }
        Map<KeyRef, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT bidder_id, key, fingerprint, status, body FROM auctions.idempotency_keys "
                        + "WHERE (bidder_id, key) IN (" + rows + ")")
                .paramSource(p)
                .query(rs -> {
                    stored.put(new KeyRef(rs.getObject("bidder_id", java.util.UUID.class), rs.getString("key")),
                            new Stored(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                                    rs.getString("body")));
                });
        return stored;
    }

    /** Forgets the keys stored before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM auctions.idempotency_keys WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
