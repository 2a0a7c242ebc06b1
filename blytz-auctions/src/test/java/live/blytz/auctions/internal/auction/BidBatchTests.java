package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.AuctionHttp;
import live.blytz.auctions.internal.auction.AuctionRequests.BidResult;
import live.blytz.auctions.internal.auction.BidAdmission.Outcome;
import live.blytz.auctions.internal.auction.BidBatchDecider.PendingBid;
import live.blytz.auctions.internal.browse.AuctionBrowseService.BidView;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit against the real PostgreSQL (ADR 0025): a batch of bids is decided lowest amount first under one
 * lock, each accepted bid told the auction as the batch left it — winners, losers, retries of a stored key and of a
 * key earlier in the batch, a key reused for another body — and written in one transaction; a batch that fails writes
 * nothing, and its bids, retried with the same keys, are decided afresh.
 */
@BlytzIntegrationTest
class BidBatchTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BidBatchDecider decider;
    @Autowired
    AuctionRepository repository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    @Test
    void theClaimRunsTheRestOfItsTransactionOnGenericPlansAndLeavesTheConnectionAsItWas() throws Exception {
        Account seller = new TestAccounts(http).register(Role.SELLER);
        UUID auction = UUID.fromString(new AuctionHttp(http).auction(seller, "10.00", null, null, "PT1H"));
        // One connection for both transactions, as a pooled connection serves one batch, then anything else.
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcClient onOne = JdbcClient.create(one);
            AuctionRepository repositoryOnOne = new AuctionRepository(onOne, json, List.of());
            TransactionTemplate inOne = new TransactionTemplate(new DataSourceTransactionManager(one));
            String before = inOne.execute(status -> planCacheMode(onOne));
            String during = inOne.execute(status -> {
                assertThat(repositoryOnOne.claimAndPeek(auction, List.of(), List.of(), Instant.now())).isPresent();
                return planCacheMode(onOne);
            });
            String after = inOne.execute(status -> planCacheMode(onOne));

            assertThat(before).isEqualTo("auto");
            assertThat(during).isEqualTo("force_generic_plan");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void aBatchDecidesWinnersLosersAndRetriesLowestFirstEachToldTheStateItLeft() {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account bob = accounts.register(Role.BUYER);
        Account carol = accounts.register(Role.BUYER);
        Account dave = accounts.register(Role.BUYER);
        Account erin = accounts.register(Role.BUYER);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        UUID auction = UUID.fromString(id);
        Map<String, Object> first = auctions.bid(alice, id, "10.00", null, "alice-1").expectStatus().isCreated()
                .expectBody(AuctionHttp.JSON).returnResult().getResponseBody();

        TooManyRequestsException overLimit = new TooManyRequestsException("Too many bids", Duration.ofSeconds(9));
        List<Outcome<BidOutcome>> outcomes = decider.decide(auction, List.of(
                bid(bob, "bob-1", "20.00", null),       // wins, decided second
                bid(carol, "carol-1", "15.00", null),   // wins: the lowest, decided first although it arrived second
                bid(alice, "alice-1", "10.00", null),   // a retry of a stored bid: its first outcome
                bid(dave, "dave-1", "30.00", "40.00"),  // wins, a proxy maximum: the highest, it leads
                bid(bob, "bob-1", "20.00", null),       // a retry of a bid earlier in this batch: its outcome
                bid(carol, "carol-2", "5.00", null),    // below the committed minimum: refused before the lock
                bid(dave, "dave-1", "31.00", null),     // the key of a bid of this batch, another body
                bid(erin, "erin-1", "20.00", null),     // bob's amount, arrived after it: too low under the lock
                bid(alice, "alice-1", "10.00", null, overLimit),  // over the rate limit, a retry: its first outcome
                bid(erin, "erin-2", "50.00", null, overLimit)));  // over the rate limit, a new key: refused

        BidResult carol1 = outcomes.get(1).get().result();
        assertThat(outcomes.get(1).get().replayed()).isFalse();
        assertThat(carol1.sequence()).isEqualTo(3);
        assertThat(outcomes.get(0).get().replayed()).isFalse();
        assertThat(outcomes.get(0).get().result().sequence()).isEqualTo(4);
        assertThat(outcomes.get(2).get().replayed()).isTrue();
        assertThat(outcomes.get(2).get().result().sequence())
                .isEqualTo(((Number) ((Map<?, ?>) first.get("bid")).get("sequence")).longValue());
        BidResult dave1 = outcomes.get(3).get().result();
        assertThat(dave1.sequence()).isEqualTo(5);
        assertThat(dave1.leading()).isTrue();
        assertThat(dave1.auction().currentPrice()).isEqualByComparingTo("30.00");
        // Outbid within the batch: accepted, and told the auction as the batch left it.
        assertThat(carol1.amount()).isEqualByComparingTo("15.00");
        assertThat(carol1.leading()).isFalse();
        assertThat(carol1.auction().currentPrice()).isEqualByComparingTo("30.00");
        assertThat(carol1.auction().bidCount()).isEqualTo(4);
        assertThat(outcomes.get(0).get().result().leading()).isFalse();
        assertThat(outcomes.get(4).get().replayed()).isTrue();
        assertThat(outcomes.get(4).get().result()).isEqualTo(outcomes.get(0).get().result());
        assertThatThrownBy(() -> outcomes.get(5).get()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> outcomes.get(6).get()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> outcomes.get(7).get()).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(new BigDecimal(e.details().get("minimum_next_bid").toString()))
                        .isEqualByComparingTo("20.50"));
        assertThat(outcomes.get(8).get().replayed()).isTrue();
        assertThat(outcomes.get(8).get().result()).isEqualTo(outcomes.get(2).get().result());
        assertThatThrownBy(() -> outcomes.get(9).get()).isSameAs(overLimit);

        // One transaction wrote the three winners: the log strictly increasing, the history and participants in order.
        assertThat(jdbc.sql("SELECT seq FROM auctions.auction_events WHERE auction_id = ? ORDER BY seq")
                .param(auction).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(jdbc.sql("SELECT amount FROM auctions.bids WHERE auction_id = ? ORDER BY seq")
                .param(auction).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("15.00"), new BigDecimal("20.00"),
                        new BigDecimal("30.00"));
        assertThat(jdbc.sql("SELECT handle_no FROM auctions.participants WHERE auction_id = ? ORDER BY handle_no")
                .param(auction).query(Integer.class).list()).containsExactly(1, 2, 3, 4);
        assertThat(handle(auction, carol)).isEqualTo(2);
        assertThat(handle(auction, bob)).isEqualTo(3);
        assertThat(handle(auction, dave)).isEqualTo(4);
        // One read after the commit gives every accepted bid its view: the auction as the batch left it, with its
        // bidder's handle and maximum; a retry of a bid stored earlier reads its own (null here).
        BidView carolView = outcomes.get(1).get().view();
        assertThat(carolView.bidder().handle()).isEqualTo("bidder-2");
        assertThat(carolView.bidder().bidderId()).isEqualTo(carol.id().value());
        assertThat(carolView.auction().currentPrice()).isEqualByComparingTo("30.00");
        assertThat(carolView.auction().yourMaxAmount()).isEqualByComparingTo("15.00");
        assertThat(carolView.auction().leader().handle()).isEqualTo("bidder-4");
        assertThat(outcomes.get(3).get().view().auction().yourMaxAmount()).isEqualByComparingTo("40.00");
        assertThat(outcomes.get(3).get().view().bidder().handle()).isEqualTo("bidder-4");
        assertThat(outcomes.get(0).get().view().bidder().handle()).isEqualTo("bidder-3");
        assertThat(outcomes.get(4).get().view()).isEqualTo(outcomes.get(0).get().view());
        assertThat(outcomes.get(2).get().view()).isNull();
        // The winners' keys keep their outcomes (as answered); the losers' claims are released, so their retries are
        // decided afresh.
        assertThat(keys(bob, dave, carol, erin)).containsExactlyInAnyOrder("bob-1", "dave-1", "carol-1");
        Map<String, Object> replayed = auctions.bid(carol, id, "15.00", null, "carol-1").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(AuctionHttp.JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> replayedBid = (Map<String, Object>) replayed.get("bid");
        assertThat(replayedBid).containsEntry("leading", false).containsEntry("sequence", 3);
        assertThat(new BigDecimal(((Map<?, ?>) replayed.get("auction")).get("current_price").toString()))
                .isEqualByComparingTo("30.00");
        auctions.bid(erin, id, "32.00", null, "erin-1").expectStatus().isCreated();
        // Erin's bid and dave's proxy answering it.
        assertThat(auctions.get(id, null)).containsEntry("bid_count", 6);

        // The projections equal those the log alone gives.
        transactions.executeWithoutResult(status -> {
            List<List<Map<String, Object>>> live = snapshot(auction);
            repository.rebuild(auction);
            assertThat(snapshot(auction)).isEqualTo(live);
            status.setRollbackOnly();
        });
    }

    @Test
    void aBatchThatFailsWritesNothingAndItsBidsRetriedWithTheSameKeysAreDecidedAfresh() {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account bob = accounts.register(Role.BUYER);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        UUID auction = UUID.fromString(id);
        // A history row where the batch's first fact will go: its one write statement fails after the keys' claim.
        jdbc.sql("INSERT INTO auctions.bids (auction_id, seq, bidder_id, amount, kind, placed_at) "
                + "VALUES (?, 2, ?, 1.00, 'bid', now())").params(auction, bob.id().value()).update();
        List<PendingBid> batch = List.of(bid(alice, "alice-1", "10.00", null), bid(bob, "bob-1", "12.00", null));

        assertThatThrownBy(() -> decider.decide(auction, batch)).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM auctions.auction_events WHERE auction_id = ?").param(auction)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(auctions.get(id, null)).containsEntry("bid_count", 0);
        assertThat(keys(alice, bob)).isEmpty();

        jdbc.sql("DELETE FROM auctions.bids WHERE auction_id = ?").param(auction).update();
        List<Outcome<BidOutcome>> retried = decider.decide(auction, batch);
        assertThat(retried).allSatisfy(outcome -> assertThat(outcome.get().replayed()).isFalse());
        assertThat(retried.get(1).get().result().leading()).isTrue();
        assertThat(keys(alice, bob)).containsExactlyInAnyOrder("alice-1", "bob-1");
    }

    private static PendingBid bid(Account bidder, String key, String amount, String max) {
        return bid(bidder, key, amount, max, null);
    }

    private static PendingBid bid(Account bidder, String key, String amount, String max,
            TooManyRequestsException overLimit) {
        return new PendingBid(Caller.of(bidder.id(), List.of(Role.BUYER.code()), bidder.email(), null), key,
                new AuctionRequests.Bid(new BigDecimal(amount), max == null ? null : new BigDecimal(max)), overLimit);
    }

    private Integer handle(UUID auction, Account bidder) {
        return jdbc.sql("SELECT handle_no FROM auctions.participants WHERE auction_id = ? AND bidder_id = ?")
                .params(auction, bidder.id().value()).query(Integer.class).single();
    }

    private List<String> keys(Account... bidders) {
        return java.util.Arrays.stream(bidders).flatMap(bidder -> jdbc.sql(
                        "SELECT key FROM auctions.idempotency_keys WHERE bidder_id = ? AND status = 201")
                .param(bidder.id().value()).query(String.class).list().stream()).toList();
    }

    private List<List<Map<String, Object>>> snapshot(UUID auction) {
        return List.of(
                jdbc.sql("SELECT * FROM auctions.auctions WHERE id = ?").param(auction).query().listOfRows(),
                jdbc.sql("SELECT * FROM auctions.bids WHERE auction_id = ? ORDER BY seq").param(auction).query()
                        .listOfRows(),
                jdbc.sql("SELECT * FROM auctions.participants WHERE auction_id = ? ORDER BY bidder_id").param(auction)
                        .query().listOfRows());
    }

    private static String planCacheMode(JdbcClient jdbc) {
        return jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single();
    }
}
