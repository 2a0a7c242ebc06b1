package live.blytz.auctions.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.AuctionHttp;
import live.blytz.auctions.SseClient;
import live.blytz.auctions.ShowHttp;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.store.Broadcasts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hubs across instances and under pressure. The application context is instance A, reached over HTTP; instance B
 * is a {@link LiveStreams} of its own on the same PostgreSQL and Redis, whose heartbeat (and so its periodic look
 * at the log) is too rare to matter: what reaches B's subscribers came through the Redis broadcast.
 */
@BlytzIntegrationTest
class LiveStreamsTests {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final DataSize HEAP_PER_STREAM = DataSize.ofKilobytes(32);

    @Autowired
    RestTestClient http;
    @Autowired
    AuctionLogQueries queries;
    @Autowired
    ShowLogQueries showQueries;
    @Autowired
    Broadcasts broadcasts;
    @Autowired
    LiveStreams instanceA;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    AuctionHttp auctions;
    Account seller;
    Account alice;
    Account bob;
    @Nullable LiveStreams instanceB;

    @BeforeEach
    void setUp() {
        auctions = new AuctionHttp(http);
        TestAccounts accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        alice = accounts.register(Role.BUYER);
        bob = accounts.register(Role.BUYER);
    }

    @AfterEach
    void stopInstanceB() {
        if (instanceB != null) {
            instanceB.stop();
        }
    }

    @Test
    void aBidAcceptedOnOneInstanceReachesTheSubscribersOfAnother() {
        instanceB = instance(16, 100);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Collecting onB = new Collecting();
        Collecting alsoOnB = new Collecting();
        instanceB.open(head(id), "192.0.2.1", 1, onB);
        instanceB.open(head(id), "192.0.2.2", 1, alsoOnB);

        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
        auctions.bid(bob, id, "10.50", null).expectStatus().isCreated();
        auctions.bid(alice, id, "11.00", null).expectStatus().isCreated();

        assertThat(eventually(() -> onB.seqs().size() == 3 && alsoOnB.seqs().size() == 3)).isTrue();
        assertThat(onB.seqs()).containsExactly(2L, 3L, 4L);
        assertThat(alsoOnB.seqs()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aShowsFactsCommittedOnOneInstanceReachTheSubscribersOfAnother() {
        instanceB = instance(16, 100);
        ShowHttp shows = new ShowHttp(http);
        String show = shows.show(seller);
        String lot = shows.lot(seller, show);
        Collecting onB = new Collecting();
        instanceB.open(instanceB.showLog(UUID.fromString(show)).orElseThrow(), "192.0.2.9", 0, onB);

        shows.start(seller, show, lot).expectStatus().isOk();
        String auction = (String) shows.lotOf(show, lot).get("auction_id");
        // Accepted unless the machine is so slow that the 4-second lot is over already (then it ends unsold).
        int status = auctions.bid(alice, auction, "10.00", null).returnResult(AuctionHttp.JSON).getStatus().value();
        assertThat(status).isIn(201, 409);

        List<String> expected = status == 201 ? List.of("lot_started", "bid_placed", "lot_sold")
                : List.of("lot_started", "lot_unsold");
        assertThat(eventually(() -> onB.events.size() == expected.size())).isTrue();
        assertThat(onB.events).extracting(StreamEvent::name).containsExactlyElementsOf(expected);
        assertThat(onB.seqs()).containsExactly(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed()
                .toArray(Long[]::new));
    }

    @Test
    void aViewerOfALogTheInstanceFollowsJoinsWhereTheHubStandsWithoutReadingTheLog() {
        instanceB = instance(16, 100);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        // Counts the reads of each reader, in the order they are made: the first subscriber's, its hub's, then one
        // per later subscriber.
        List<AtomicInteger> reads = new CopyOnWriteArrayList<>();
        FollowedLog db = head(id);
        FollowedLog counted = new FollowedLog(db.id(), db.kind(), db.seq(), db.over(), () -> {
            AtomicInteger count = new AtomicInteger();
            reads.add(count);
            LogReader reader = db.reader();
            return (from, limit) -> {
                count.incrementAndGet();
                return reader.after(from, limit);
            };
        });
        Collecting first = new Collecting();
        instanceB.open(counted, "192.0.2.10", counted.seq(), first);
        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
        assertThat(eventually(() -> first.seqs().size() == 1)).isTrue();
        // The hub hands a fact to its subscribers' queues, then moves its position under the same lock: a subscriber's
        // writer can deliver it before the position (read without that lock) shows it.
        assertThat(eventually(() -> instanceB.auctionLog(UUID.fromString(id)).orElseThrow().seq() == 2)).isTrue();

        FollowedLog fromHub = instanceB.auctionLog(UUID.fromString(id)).orElseThrow();
        assertThat(fromHub.seq()).isEqualTo(2);
        Collecting joining = new Collecting();
        Collecting resuming = new Collecting();
        instanceB.open(fromHub, "192.0.2.11", fromHub.seq(), joining);
        instanceB.open(fromHub, "192.0.2.12", 1, resuming);
        auctions.bid(bob, id, "10.50", null).expectStatus().isCreated();

        assertThat(eventually(() -> first.seqs().size() == 2 && joining.seqs().size() == 1
                && resuming.seqs().size() == 2)).isTrue();
        assertThat(first.seqs()).containsExactly(2L, 3L);
        assertThat(joining.seqs()).containsExactly(3L);
        assertThat(resuming.seqs()).as("the fact before the hub's position comes from the log").containsExactly(2L, 3L);
        assertThat(reads).hasSize(4);
        assertThat(reads.get(0)).as("the first subscriber started where the hub did").hasValue(0);
        assertThat(reads.get(1)).as("the hub").hasPositiveValue();
        assertThat(reads.get(2)).as("the new viewer").hasValue(0);
        assertThat(reads.get(3)).as("the resuming client").hasPositiveValue();
        // The hub serves only its own kind of log: an auction id is never a show's.
        assertThat(instanceB.showLog(UUID.fromString(id))).isEmpty();
    }

    @Test
    void aLostBroadcastIsHealedByTheHubsPeriodicLookAtTheLog() {
        // Instance C hears no broadcast at all: only its heartbeat's read of the log brings it the bids.
        Broadcasts deaf = new Broadcasts() {
            @Override
            public void publish(String channel, String message) {
            }

            @Override
            public void subscribe(String channel, Listener listener) {
            }
        };
        instanceB = new LiveStreams(queries, showQueries, deaf, new AuctionStreamProperties(Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofHours(2), 16, 4, 100, 100, HEAP_PER_STREAM), json);
        instanceB.start();
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Collecting onC = new Collecting();
        instanceB.open(head(id), "192.0.2.8", 1, onC);

        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
        auctions.bid(bob, id, "10.50", null).expectStatus().isCreated();

        assertThat(eventually(() -> onC.seqs().size() == 2)).isTrue();
        assertThat(onC.seqs()).containsExactly(2L, 3L);
    }

    @Test
    void aSlowSubscriberIsDroppedWithoutHoldingUpTheOthersOrThePublisher() throws Exception {
        instanceB = instance(2, 100);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        CountDownLatch never = new CountDownLatch(1);
        Collecting slow = new Collecting() {
            @Override
            public void send(Frame frame) throws IOException {
                try {
                    never.await(); // a client that stopped reading: its writes never complete
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        Collecting fast = new Collecting();
        Subscriber stuck = instanceB.open(head(id), "192.0.2.3", 1, slow);
        instanceB.open(head(id), "192.0.2.4", 1, fast);

        String[] amounts = {"10.00", "10.50", "11.00", "11.50", "12.00", "12.50"};
        for (int i = 0; i < amounts.length; i++) {
            auctions.bid(i % 2 == 0 ? alice : bob, id, amounts[i], null).expectStatus().isCreated();
        }

        assertThat(eventually(() -> fast.seqs().size() == amounts.length)).isTrue();
        assertThat(fast.seqs()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(eventually(stuck::isClosed)).as("the slow subscriber is dropped").isTrue();
        assertThat(instanceB.openStreams()).isEqualTo(1);
        never.countDown();
    }

    @Test
    void beyondTheInstancesCapAStreamIsRefusedAsUnavailable() {
        instanceB = instance(16, 2);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Subscriber first = instanceB.open(head(id), "192.0.2.5", 1, new Collecting());
        instanceB.open(head(id), "192.0.2.6", 1, new Collecting());
        assertThatThrownBy(() -> instanceB.open(head(id), "192.0.2.7", 1, new Collecting()))
                .isInstanceOf(AtCapacityException.class);
        first.gone();
        instanceB.open(head(id), "192.0.2.7", 1, new Collecting());
        assertThat(instanceB.openStreams()).isEqualTo(2);
    }

    @Test
    void stoppingTheServerClosesEveryStreamWithARetryHint() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        try (SseClient stream = SseClient.connect(port, "/api/v1/auctions/" + id + "/stream", Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            instanceA.stop();
            try {
                assertThat(stream.awaitEnd()).isTrue();
                assertThat(stream.retries()).containsExactly("1000");
                assertThat(instanceA.openStreams()).isZero();
            } finally {
                instanceA.start();
            }
        }
    }

    @Test
    void theHeapCapsTheOpenStreamsWhenItHoldsFewerThanTheConfiguredTotal() {
        // Half of a 192 MB heap at 32 KB a stream.
        assertThat(properties(16, 20_000, HEAP_PER_STREAM).capacity(192L << 20)).isEqualTo(3072);
        assertThat(properties(16, 500, HEAP_PER_STREAM).capacity(192L << 20)).isEqualTo(500);

        // Each stream said to take a quarter of this JVM's heap: two fit in half of it, whatever the total says.
        instanceB = instance(properties(16, 100, DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 4)));
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        instanceB.open(head(id), "192.0.2.13", 1, new Collecting());
        instanceB.open(head(id), "192.0.2.14", 1, new Collecting());
        assertThatThrownBy(() -> instanceB.open(head(id), "192.0.2.15", 1, new Collecting()))
                .isInstanceOf(AtCapacityException.class);
    }

    private LiveStreams instance(int queue, int total) {
        return instance(properties(queue, total, HEAP_PER_STREAM));
    }

    private LiveStreams instance(AuctionStreamProperties properties) {
        LiveStreams instance = new LiveStreams(queries, showQueries, broadcasts, properties, json);
        instance.start();
        return instance;
    }

    private static AuctionStreamProperties properties(int queue, int total, DataSize heapPerStream) {
        return new AuctionStreamProperties(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofHours(2), queue, 4,
                total, 100, heapPerStream);
    }

    private FollowedLog head(String id) {
        return queries.head(UUID.fromString(id)).orElseThrow();
    }

    private static boolean eventually(BooleanSupplier condition) throws RuntimeException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** A subscriber's events kept in memory. */
    static class Collecting implements StreamSink {

        final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        volatile @Nullable Duration closedWith;

        List<Long> seqs() {
            return events.stream().map(StreamEvent::seq).toList();
        }

        @Override
        public void send(Frame frame) throws IOException {
            events.add(frame.event());
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void close(@Nullable Duration retry) {
            closedWith = retry;
        }
    }
}
