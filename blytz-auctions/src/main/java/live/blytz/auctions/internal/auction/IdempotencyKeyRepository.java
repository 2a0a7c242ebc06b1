package live.blytz.auctions.internal.auction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bid requests sent with an {@code Idempotency-Key}, per bidder. {@link #claim} inserts the key in the bid's
 * transaction; a concurrent request with the same key waits on that row until the first one commits (then it finds
 * the first outcome) or rolls back (then it claims the key itself). An accepted bid's outcome is stored with its facts
 * ({@link AuctionRepository#append}).
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

    /** True when this request is the first with the key (it is claimed until the transaction ends). */
    boolean claim(UserId bidder, String key, String fingerprint, Instant now) {
        return jdbc.sql("""
                        INSERT INTO auctions.idempotency_keys (bidder_id, key, fingerprint, created_at)
                        VALUES (:bidder, :key, :fingerprint, :now) ON CONFLICT DO NOTHING""")
                .param("bidder", bidder.value()).param("key", key).param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<Stored> find(UserId bidder, String key) {
        return jdbc.sql("SELECT fingerprint, status, body FROM auctions.idempotency_keys WHERE bidder_id = :bidder AND key = :key")
                .param("bidder", bidder.value()).param("key", key)
                .query((rs, row) -> new Stored(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("body")))
                .optional();
    }

    /** Forgets the keys stored before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM auctions.idempotency_keys WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
