package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The closer's housekeeping: bid idempotency keys are forgotten after their time to live (24 hours), not before. */
@BlytzIntegrationTest
class AuctionCloserTests {

    @Autowired
    AuctionCloser closer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void idempotencyKeysPastTheirTimeToLiveAreForgotten() {
        UUID bidder = UUID.randomUUID();
        key(bidder, "old", Instant.now().minus(Duration.ofHours(25)));
        key(bidder, "recent", Instant.now().minus(Duration.ofHours(23)));
        closer.purgeIdempotencyKeys();
        assertThat(jdbc.sql("SELECT key FROM auctions.idempotency_keys WHERE bidder_id = ?").param(bidder)
                .query(String.class).list()).containsExactly("recent");
    }

    private void key(UUID bidder, String key, Instant createdAt) {
        jdbc.sql("INSERT INTO auctions.idempotency_keys (bidder_id, key, fingerprint, status, body, created_at) "
                        + "VALUES (?, ?, ?, 201, '{}', ?)")
                .params(bidder, key, "0".repeat(64), Timestamp.from(createdAt)).update();
    }
}
