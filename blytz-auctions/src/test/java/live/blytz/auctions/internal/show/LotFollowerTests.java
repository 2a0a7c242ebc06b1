package live.blytz.auctions.internal.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.AuctionHttp;
import live.blytz.auctions.ShowHttp;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copying a lot's auction into its show's log while copies race, as they do when every instance follows the same
 * lot (its own commits, the periodic sweep, the show's own transactions): each public fact is copied once, in the
 * auction's order, and the lot ends exactly once.
 */
@BlytzIntegrationTest
class LotFollowerTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LotFollower follower;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void racingCopiesCopyEachBidOnceInOrderAndEndTheLotOnce() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account bob = accounts.register(Role.BUYER);
        ShowHttp shows = new ShowHttp(http);
        String show = shows.show(seller);
        String lot = shows.lot(seller, show);
        shows.start(seller, show, lot).expectStatus().isOk();
        UUID auction = UUID.fromString((String) shows.lotOf(show, lot).get("auction_id"));

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService copiers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(copiers.submit(() -> {
                while (!stop.get()) {
                    transactions.executeWithoutResult(status -> follower.copy(auction));
                    Thread.sleep(2);
                }
                return null;
            }));
        }
        try {
            BigDecimal amount = new BigDecimal("10.00");
            for (int i = 0; i < 6; i++) {
                int status = auctions.bid(i % 2 == 0 ? alice : bob, auction.toString(), amount.toPlainString(), null)
                        .returnResult(AuctionHttp.JSON).getStatus().value();
                assertThat(status).isIn(201, 409); // 409: the lot is over (a slow machine)
                amount = amount.add(new BigDecimal("0.50"));
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && "running".equals(jdbc.sql(
                    "SELECT status FROM auctions.show_lots WHERE id = ?").param(UUID.fromString(lot))
                    .query(String.class).single())) {
                Thread.sleep(50);
            }
        } finally {
            stop.set(true);
            copiers.shutdown();
        }
        for (Future<?> copier : running) {
            copier.get();
        }

        List<BigDecimal> bids = jdbc.sql("SELECT amount FROM auctions.bids WHERE auction_id = ? ORDER BY seq")
                .param(auction).query(BigDecimal.class).list();
        List<Map<String, Object>> log = jdbc.sql("SELECT seq, type, payload->>'amount' AS amount "
                + "FROM auctions.show_events WHERE show_id = ? ORDER BY seq").param(UUID.fromString(show))
                .query().listOfRows();
        assertThat(log).extracting(row -> ((Number) row.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log).extracting(row -> (String) row.get("type")).first().isEqualTo("lot_started");
        assertThat(log.stream().filter(row -> "bid_placed".equals(row.get("type")))
                .map(row -> new BigDecimal((String) row.get("amount"))).toList())
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(bids);
        assertThat(log).extracting(row -> (String) row.get("type")).last()
                .isEqualTo(bids.isEmpty() ? "lot_unsold" : "lot_sold");
        assertThat(log).filteredOn(row -> ((String) row.get("type")).startsWith("lot_") && !"lot_started"
                .equals(row.get("type"))).hasSize(1);
        assertThat(jdbc.sql("SELECT current_lot_id FROM auctions.shows WHERE id = ?").param(UUID.fromString(show))
                .query().singleRow().get("current_lot_id")).isNull();
    }
}
