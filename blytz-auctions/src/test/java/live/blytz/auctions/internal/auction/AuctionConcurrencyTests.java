package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import live.blytz.BlytzIntegrationTest;
import live.blytz.Concurrently;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.AuctionHttp;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guarantees of ADR 0025 under load, against the real PostgreSQL: many bidders at once lose no bid and accept none
 * twice, with a strictly increasing log; the concurrent bids of one batch are decided lowest first whatever order they
 * arrived in; two closers racing (and the scheduled one) close each due auction exactly once; and the projections
 * rebuilt from the log alone equal the live ones.
 */
@BlytzIntegrationTest
class AuctionConcurrencyTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuctionService service;
    @Autowired
    AuctionRepository repository;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void manyBiddersAtOnceLoseNoBidAndTheLogStrictlyIncreases() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Account proxy = accounts.register(Role.BUYER);
        auctions.bid(proxy, id, "10.00", "900.00").expectStatus().isCreated();
        List<Account> bidders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bidders.add(accounts.register(Role.BUYER));
        }
        List<Account> queue = java.util.Collections.synchronizedList(new ArrayList<>(bidders));

        List<List<Long>> accepted = Concurrently.run(bidders.size(), () -> {
            Account me = queue.removeFirst();
            List<Long> mine = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                String minimum = auctions.get(id, null).get("minimum_next_bid").toString();
                var result = auctions.bid(me, id, new BigDecimal(minimum).setScale(2).toPlainString(), null)
                        .returnResult(AuctionHttp.JSON);
                int status = result.getStatus().value();
                assertThat(status).isIn(201, 409);
                if (status == 201) {
                    mine.add(((Number) ((Map<?, ?>) result.getResponseBody().get("bid")).get("sequence")).longValue());
                } else {
                    assertThat(result.getResponseBody()).containsKeys("current_price", "minimum_next_bid");
                }
            }
            return mine;
        });

        List<Long> sequences = accepted.stream().flatMap(List::stream).toList();
        assertThat(sequences).doesNotHaveDuplicates();
        List<Map<String, Object>> log = jdbc.sql("SELECT seq, type FROM auctions.auction_events WHERE auction_id = ? "
                + "ORDER BY seq").param(UUID.fromString(id)).query().listOfRows();
        assertThat(log).extracting(row -> ((Number) row.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
        // Every accepted request is one bid_placed in the log (plus the proxy bidder's first), and nothing else is.
        assertThat(log.stream().filter(row -> "bid_placed".equals(row.get("type"))).count())
                .isEqualTo(sequences.size() + 1);
        assertThat(log.stream().filter(row -> "bid_placed".equals(row.get("type")))
                .map(row -> ((Number) row.get("seq")).longValue()).toList()).containsAll(sequences);
        List<BigDecimal> amounts = jdbc.sql("SELECT amount FROM auctions.bids WHERE auction_id = ? ORDER BY seq")
                .param(UUID.fromString(id)).query(BigDecimal.class).list();
        for (int i = 1; i < amounts.size(); i++) {
            assertThat(amounts.get(i)).as("bid %d", i).isGreaterThan(amounts.get(i - 1));
        }
        Map<String, Object> auction = auctions.get(id, null);
        assertThat(auction).containsEntry("bid_count", amounts.size());
        assertThat(new BigDecimal(auction.get("current_price").toString())).isEqualByComparingTo(amounts.getLast());
        // The proxy's maximum was never reached: it leads, exactly one increment ahead of the last rival bid.
        assertThat(auctions.get(id, proxy).get("leader")).extracting(leader -> ((Map<?, ?>) leader).get("bidder_id"))
                .isEqualTo(proxy.id().value().toString());
    }

    @Test
    void aBatchOfConcurrentBidsIsDecidedLowestFirstWhateverOrderTheyArrivedIn() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        List<Account> bidders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bidders.add(accounts.register(Role.BUYER));
        }
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        // Arrival order scrambled; the two bids of 30.00 arrive in this order, the first of them is the one taken.
        List<String> amounts = List.of("40.00", "20.00", "50.00", "30.00", "30.00");

        List<Answer> answers = oneBatch(id, () -> auctions.bid(alice, id, "10.00", null),
                IntStream.range(0, amounts.size()).<Callable<RestTestClient.ResponseSpec>>mapToObj(
                        i -> () -> auctions.bid(bidders.get(i), id, amounts.get(i), null)).toList());

        // Every increasing bid accepted, each told the auction as the batch left it, only the highest leading.
        for (int i : List.of(0, 1, 2, 3)) {
            assertThat(answers.get(i).status()).as(amounts.get(i)).isEqualTo(201);
            assertThat(answers.get(i).bid()).containsEntry("leading", i == 2);
            assertThat(answers.get(i).auction()).containsEntry("bid_count", 5);
            assertThat(new BigDecimal(answers.get(i).auction().get("current_price").toString()))
                    .isEqualByComparingTo("50.00");
        }
        assertThat(answers.get(1).bid()).containsEntry("sequence", 3);
        assertThat(answers.get(3).bid()).containsEntry("sequence", 4);
        assertThat(answers.get(0).bid()).containsEntry("sequence", 5);
        assertThat(answers.get(2).bid()).containsEntry("sequence", 6);
        // Of equal amounts, the one that arrived first was decided first: the second was then too low.
        assertThat(answers.get(4).status()).isEqualTo(409);
        assertThat(new BigDecimal(answers.get(4).body().get("minimum_next_bid").toString()))
                .isEqualByComparingTo("31.00");
        assertThat(jdbc.sql("SELECT amount FROM auctions.bids WHERE auction_id = ? ORDER BY seq")
                .param(UUID.fromString(id)).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(Stream.of("10.00", "20.00", "30.00",
                        "40.00", "50.00").map(BigDecimal::new).toArray(BigDecimal[]::new));
        assertThat(leaderOf(auctions, id, seller)).isEqualTo(bidders.get(2).id().value().toString());
    }

    @Test
    void aLowerBidWithAMaximumDecidedFirstDefendsItselfAgainstAHigherOneOfTheSameBatch() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account dave = accounts.register(Role.BUYER);
        Account pat = accounts.register(Role.BUYER);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");

        // In arrival order pat's 20.00 would be refused below dave's 40.00; lowest first, her maximum answers it.
        List<Answer> answers = oneBatch(id, () -> auctions.bid(alice, id, "10.00", null), List.of(
                () -> auctions.bid(dave, id, "40.00", null), () -> auctions.bid(pat, id, "20.00", "100.00")));

        assertThat(answers).extracting(Answer::status).containsExactly(201, 201);
        assertThat(answers.get(0).bid()).containsEntry("leading", false);
        assertThat(answers.get(0).auction()).containsEntry("bid_count", 4);
        assertThat(new BigDecimal(answers.get(0).bid().get("amount").toString())).isEqualByComparingTo("40.00");
        assertThat(new BigDecimal(answers.get(0).auction().get("current_price").toString()))
                .isEqualByComparingTo("41.00");
        assertThat(answers.get(1).bid()).containsEntry("leading", true);
        assertThat(new BigDecimal(answers.get(1).bid().get("max_amount").toString())).isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("SELECT type FROM auctions.auction_events WHERE auction_id = ? ORDER BY seq")
                .param(UUID.fromString(id)).query(String.class).list())
                .containsExactly("opened", "bid_placed", "bid_placed", "bid_placed", "proxy_bid");
        assertThat(leaderOf(auctions, id, seller)).isEqualTo(pat.id().value().toString());
    }

    /** A bid's answer: its status and body (the problem's, for a refusal). */
    private record Answer(int status, Map<String, Object> body) {

        /** The accepted bid of a 201's body. */
        @SuppressWarnings("unchecked")
        Map<String, Object> bid() {
            return (Map<String, Object>) body.get("bid");
        }

        /** The auction as the bid's batch left it, of a 201's body. */
        @SuppressWarnings("unchecked")
        Map<String, Object> auction() {
            return (Map<String, Object>) body.get("auction");
        }
    }

    /**
     * Has {@code batch} decided as one batch, its bids arriving in the order given: {@code first} is sent while the
     * auction's row is locked, so that it leads a batch of its own that waits for the lock; each bid of {@code batch}
     * is sent once the one before it waits on this instance; then the lock is released. Their answers, in order.
     */
    private List<Answer> oneBatch(String id, Callable<RestTestClient.ResponseSpec> first,
            List<Callable<RestTestClient.ResponseSpec>> batch) throws Exception {
        UUID auction = UUID.fromString(id);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT id FROM auctions.auctions WHERE id = ? FOR UPDATE").param(auction).query(UUID.class)
                        .single();
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<RestTestClient.ResponseSpec> leader = threads.submit(first);
            awaitUntil(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'").query(Integer.class).single() > 0);
            List<Future<RestTestClient.ResponseSpec>> sent = new ArrayList<>();
            for (Callable<RestTestClient.ResponseSpec> bid : batch) {
                sent.add(threads.submit(bid));
                int waiting = sent.size();
                awaitUntil(() -> service.waitingBids(auction) == waiting);
            }
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            leader.get(30, TimeUnit.SECONDS).expectStatus().isCreated();
            List<Answer> answers = new ArrayList<>();
            for (Future<RestTestClient.ResponseSpec> answer : sent) {
                var result = answer.get(30, TimeUnit.SECONDS).returnResult(AuctionHttp.JSON);
                answers.add(new Answer(result.getStatus().value(), result.getResponseBody()));
            }
            return answers;
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static String leaderOf(AuctionHttp auctions, String id, Account seller) {
        return (String) ((Map<?, ?>) auctions.get(id, seller).get("leader")).get("bidder_id");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void twoClosersRacingCloseEachDueAuctionExactlyOnce() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account buyer = accounts.register(Role.BUYER);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService closers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> closed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            closed.add(closers.submit(() -> {
                int handled = 0;
                while (!stop.get()) {
                    handled += service.closeDue();
                    Thread.sleep(5);
                }
                return handled;
            }));
        }
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String id = auctions.auction(seller, "10.00", null, null, "PT1S");
                if (i % 2 == 0) {
                    auctions.bid(buyer, id, "10.00", null);
                }
                ids.add(id);
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && ids.stream().anyMatch(id -> !"ended".equals(
                    auctions.get(id, null).get("status")))) {
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            closers.shutdown();
        }
        for (Future<Integer> closer : closed) {
            closer.get();
        }
        for (String id : ids) {
            List<String> types = jdbc.sql("SELECT type FROM auctions.auction_events WHERE auction_id = ? ORDER BY seq")
                    .param(UUID.fromString(id)).query(String.class).list();
            assertThat(types).filteredOn("ended"::equals).hasSize(1);
            assertThat(types.getLast()).isEqualTo("ended");
            Map<String, Object> auction = auctions.get(id, null);
            assertThat(auction).containsEntry("status", "ended");
            String product = (String) ((Map<?, ?>) auction.get("product")).get("id");
            assertThat(auctions.productOf(product, seller).get("status"))
                    .isEqualTo("sold".equals(auction.get("outcome")) ? "sold" : "active");
        }
    }

    @Test
    void anAuctionThatCannotBeClosedDoesNotHoldUpTheOthers() throws Exception {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account buyer = accounts.register(Role.BUYER);
        String stuck = auctions.auction(seller, "10.00", null, null, "PT1S");
        auctions.bid(buyer, stuck, "10.00", null).expectStatus().isCreated();
        UUID product = UUID.fromString((String) ((Map<?, ?>) auctions.get(stuck, null).get("product")).get("id"));
        // Its product lost the reservation behind catalog's back: selling it fails, and it is due first.
        jdbc.sql("UPDATE catalog.products SET auction_id = NULL WHERE id = ?").param(product).update();
        String next = auctions.auction(seller, "10.00", null, null, "PT1S");
        auctions.bid(buyer, next, "10.00", null).expectStatus().isCreated();

        awaitStatus(auctions, next, "ended");
        assertThat(auctions.get(next, null)).containsEntry("outcome", "sold");
        assertThat(auctions.get(stuck, null)).containsEntry("status", "running");
        assertThat(jdbc.sql("SELECT count(*) FROM auctions.auction_events WHERE auction_id = ? AND type = 'ended'")
                .param(UUID.fromString(stuck)).query(Integer.class).single()).isZero();

        jdbc.sql("UPDATE catalog.products SET auction_id = ? WHERE id = ?").param(UUID.fromString(stuck)).param(product)
                .update();
        awaitStatus(auctions, stuck, "ended");
        assertThat(auctions.productOf(product.toString(), seller)).containsEntry("status", "sold");
    }

    private static void awaitStatus(AuctionHttp auctions, String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!status.equals(auctions.get(id, null).get("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(auctions.get(id, null)).containsEntry("status", status);
    }

    @Test
    void everyProjectionRebuiltFromTheLogAloneEqualsTheLiveOne() {
        TestAccounts accounts = new TestAccounts(http);
        AuctionHttp auctions = new AuctionHttp(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account bob = accounts.register(Role.BUYER);
        String duel = auctions.auction(seller, "10.00", "40.00", "90.00", "PT1H");
        auctions.bid(alice, duel, "10.00", "30.00").expectStatus().isCreated();
        auctions.bid(bob, duel, "11.00", "50.00").expectStatus().isCreated();
        auctions.bid(alice, duel, "45.00", "45.00").expectStatus().isCreated();
        String late = auctions.auction(seller, "5.00", null, null, "PT2S");
        // Accepted (and extended) unless the machine is so slow that the auction is already over: both are logged facts.
        auctions.bid(alice, late, "5.00", null);
        String bought = auctions.auction(seller, "10.00", null, "20.00", "PT1H");
        http.post().uri("/api/v1/auctions/{id}/buy-now", bought).header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(bob))
                .exchange().expectStatus().isOk();
        String cancelled = auctions.auction(seller, "10.00", null, null, "PT1H");
        http.post().uri("/api/v1/auctions/{id}/cancel", cancelled).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isOk();

        transactions.executeWithoutResult(status -> {
            // Every auction locked: no bid or closer changes one between the two snapshots.
            List<UUID> ids = jdbc.sql("SELECT id FROM auctions.auctions ORDER BY id FOR UPDATE").query(UUID.class).list();
            assertThat(jdbc.sql("SELECT DISTINCT auction_id FROM auctions.auction_events").query(UUID.class).list())
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(ids).contains(UUID.fromString(duel), UUID.fromString(late), UUID.fromString(bought),
                    UUID.fromString(cancelled));
            List<List<Map<String, Object>>> live = snapshot();
            ids.forEach(repository::rebuild);
            assertThat(snapshot()).isEqualTo(live);
            status.setRollbackOnly();
        });
    }

    private List<List<Map<String, Object>>> snapshot() {
        return List.of(
                jdbc.sql("SELECT * FROM auctions.auctions ORDER BY id").query().listOfRows(),
                jdbc.sql("SELECT * FROM auctions.bids ORDER BY auction_id, seq").query().listOfRows(),
                jdbc.sql("SELECT * FROM auctions.participants ORDER BY auction_id, bidder_id").query().listOfRows());
    }
}
