package live.blytz.auctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.SseClient.Event;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /auctions/{id}/stream} through the real stack: a plain HTTP client reads the Server-Sent Events while
 * bids, cancellations and the closer change the auction, and the events are compared with the auction's log in
 * PostgreSQL: every public fact once, in order, resumable with Last-Event-ID; the caps as problems.
 */
@BlytzIntegrationTest
class AuctionStreamHttpTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    AuctionHttp auctions;
    Account seller;
    Account alice;
    Account bob;
    Account admin;

    @BeforeEach
    void setUp() {
        auctions = new AuctionHttp(http);
        TestAccounts accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        alice = accounts.register(Role.BUYER);
        bob = accounts.register(Role.BUYER);
        admin = accounts.admin();
    }

    @Test
    void everyPublicFactArrivesOnceInLogOrderAndTheStreamEndsWithTheAuction() {
        String id = auctions.auction(seller, "10.00", "40.00", null, "PT1H");
        try (SseClient stream = connect(id, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header(HttpHeaders.CONTENT_TYPE)).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
            auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
            auctions.bid(bob, id, "11.00", "30.00").expectStatus().isCreated();
            auctions.bid(alice, id, "12.00", null).expectStatus().isCreated(); // bob's maximum answers: a proxy bid
            http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .exchange().expectStatus().isOk();

            List<String[]> expected = publicFactsAfter(id, 1);
            List<Event> received = stream.next(expected.size());
            assertThat(received).extracting(e -> e.id() + " " + e.name())
                    .containsExactlyElementsOf(expected.stream().map(f -> f[0] + " " + f[1]).toList());
            assertThat(received.getLast().name()).isEqualTo("cancelled");
            assertThat(stream.awaitEnd()).as("the stream ends with the auction").isTrue();
            assertThat(stream.pending()).isEmpty();

            JsonNode first = json.readTree(received.getFirst().data());
            assertThat(first.path("kind").asString()).isEqualTo("bid");
            assertThat(first.path("handle").asString()).isEqualTo("bidder-1");
            assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(first.path("minimum_next_bid").decimalValue()).isEqualByComparingTo("10.50");
            assertThat(first.path("currency").asString()).isEqualTo("EUR");
            assertThat(first.path("auction_id").asString()).isEqualTo(id);
            assertThat(first.has("ends_at")).isTrue();
            // Neither the reserve (40.00) nor bob's maximum (30.00) as a value: a time such as 14:42:40.01 may hold
            // "40.0", so the amounts are looked for as JSON values.
            assertThat(received).extracting(Event::data).allSatisfy(data -> assertThat(data)
                    .doesNotContain("max", "reserve", alice.id().value().toString(), bob.id().value().toString())
                    .doesNotContainPattern(":\\s*(40|30)(\\.0+)?\\s*[,}]"));
            assertThat(received).extracting(e -> json.readTree(e.data()).path("kind").asString())
                    .contains("proxy");
        }
        // Over, and nothing after the last id: 204 tells an EventSource to stop reconnecting.
        long last = jdbc.sql("SELECT max(seq) FROM auctions.auction_events WHERE auction_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single();
        try (SseClient again = connect(id, Map.of("Last-Event-ID", Long.toString(last)))) {
            assertThat(again.status()).isEqualTo(204);
        }
        try (SseClient fresh = connect(id, Map.of())) {
            assertThat(fresh.status()).isEqualTo(204);
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissedThenLiveEvents() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Event lastSeen;
        try (SseClient stream = connect(id, Map.of())) {
            auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
            auctions.bid(bob, id, "10.50", null).expectStatus().isCreated();
            List<Event> seen = stream.next(2);
            assertThat(seen).extracting(Event::seq).containsExactly(2L, 3L);
            lastSeen = seen.getLast();
        }
        // Missed while away.
        auctions.bid(alice, id, "11.00", null).expectStatus().isCreated();
        auctions.bid(bob, id, "11.50", null).expectStatus().isCreated();

        try (SseClient resumed = connect(id, Map.of("Last-Event-ID", lastSeen.id()))) {
            assertThat(resumed.next(2)).extracting(Event::seq).containsExactly(4L, 5L);
            auctions.bid(alice, id, "12.00", null).expectStatus().isCreated();
            Event live = resumed.next();
            assertThat(live.seq()).isEqualTo(6L);
            assertThat(json.readTree(live.data()).path("amount").decimalValue()).isEqualByComparingTo("12.00");
            assertThat(resumed.pending()).isEmpty();
        }
        // The query parameter, for clients that cannot set headers: 0 replays everything public.
        try (SseClient all = SseClient.connect(port, "/api/v1/auctions/" + id + "/stream?last_event_id=0", Map.of())) {
            assertThat(all.next(5)).extracting(Event::seq).containsExactly(2L, 3L, 4L, 5L, 6L);
            assertThat(all.pending()).isEmpty();
        }
    }

    @Test
    void theCloserEndingTheAuctionIsStreamedAndAReplayAfterTheEndStillGetsIt() throws Exception {
        String id = auctions.auction(seller, "10.00", null, null, "PT2S");
        try (SseClient stream = connect(id, Map.of())) {
            auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
            List<Event> events = new ArrayList<>();
            do {
                events.add(stream.next());
            } while (!events.getLast().name().equals("ended"));
            assertThat(events.getFirst().name()).isEqualTo("bid_placed");
            JsonNode ended = json.readTree(events.getLast().data());
            assertThat(ended.path("sold").asBoolean()).isTrue();
            assertThat(ended.path("winner").asString()).isEqualTo("bidder-1");
            assertThat(ended.path("price").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(stream.awaitEnd()).isTrue();
        }
        try (SseClient replay = SseClient.connect(port, "/api/v1/auctions/" + id + "/stream?last_event_id=0", Map.of())) {
            List<Event> all = new ArrayList<>();
            do {
                all.add(replay.next());
            } while (!all.getLast().name().equals("ended"));
            assertThat(all).extracting(Event::id).doesNotHaveDuplicates();
            assertThat(replay.awaitEnd()).isTrue();
        }
    }

    @Test
    void idleStreamsGetHeartbeats() throws InterruptedException {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        try (SseClient stream = connect(id, Map.of())) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (stream.comments().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(stream.comments()).contains("heartbeat");
        }
    }

    @Test
    void streamsPerAddressAreCappedWithA429AndFreedWhenClientsLeave() throws Exception {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(connect(id, Map.of("X-Forwarded-For", address)));
                assertThat(open.getLast().status()).isEqualTo(200);
            }
            http.get().uri("/api/v1/auctions/{id}/stream", id).header("X-Forwarded-For", address)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER);
            // Another address is not affected.
            try (SseClient other = connect(id, Map.of("X-Forwarded-For", "203.0.113.9"))) {
                assertThat(other.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(SseClient::close);
        }
        // The server notices the closed connections at the next heartbeat and frees their places.
        int status = 0;
        for (int attempt = 0; attempt < 200 && status != 200; attempt++) {
            try (SseClient again = connect(id, Map.of("X-Forwarded-For", address))) {
                status = again.status();
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aStreamIsAPlainResponseWhoseBodyRunsUntilTheConnectionClosesWithTheFiltersHeaders() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        try (SseClient stream = connect(id, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
            // Handed over after its head (ADR 0028): no length and no chunks, the end of the body is the end of the
            // connection.
            assertThat(stream.header("Content-Length")).isNull();
            assertThat(stream.header("Transfer-Encoding")).isNull();
            assertThat(stream.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(stream.header("Cache-Control")).isEqualTo("no-store");
            assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
            // What the filter chain set on the way is in the head too.
            assertThat(stream.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(stream.header("X-Request-ID")).isNotBlank();

            http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .exchange().expectStatus().isOk();
            assertThat(stream.next().name()).isEqualTo("cancelled");
            assertThat(stream.awaitEnd()).as("the server closes the connection after the last fact").isTrue();
        }
    }

    @Test
    void aHeadRequestGetsTheHeadOnlyAndKeepsNoPlace() throws Exception {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // More HEAD requests than the address may hold streams (4 in tests): none keeps a place. (Anonymous clients
        // may only GET a stream; a signed-in one reaches the stream's HEAD.)
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/auctions/" + id + "/stream"))
                    .header("X-Forwarded-For", address).header("Authorization", alice.bearer())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
            assertThat(head.body()).isEmpty();
        }
        try (SseClient stream = connect(id, Map.of("X-Forwarded-For", address))) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void refusalsAreProblemsEvenToAnEventStreamClient() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        http.get().uri("/api/v1/auctions/{id}/stream", UUID.randomUUID()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/auctions/{id}/stream", id).header("Last-Event-ID", "seven")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
        http.get().uri("/api/v1/auctions/{id}/stream?last_event_id=-1", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("last_event_id");
    }

    private SseClient connect(String auctionId, Map<String, String> headers) {
        return SseClient.connect(port, "/api/v1/auctions/" + auctionId + "/stream", headers);
    }

    /** The log's public facts after {@code seq}: {seq, event name}. */
    private List<String[]> publicFactsAfter(String auctionId, long seq) {
        return jdbc.sql("SELECT seq, type FROM auctions.auction_events WHERE auction_id = :id AND seq > :seq "
                        + "AND type <> 'opened' ORDER BY seq")
                .param("id", UUID.fromString(auctionId)).param("seq", seq)
                .query((rs, n) -> new String[] {Long.toString(rs.getLong("seq")), switch (rs.getString("type")) {
                    case "proxy_bid", "bought_now" -> "bid_placed";
                    default -> rs.getString("type");
                }})
                .list();
    }
}
