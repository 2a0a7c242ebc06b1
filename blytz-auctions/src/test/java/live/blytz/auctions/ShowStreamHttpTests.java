package live.blytz.auctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * {@code GET /shows/{id}/stream} through the real stack while a show runs two lots: a plain HTTP client reads the
 * events and compares them with the show's log in PostgreSQL: lot started, the running lot's bids, lot sold or unsold,
 * show ended, each once and in order, with their sequence ids; resumable with Last-Event-ID.
 */
@BlytzIntegrationTest
class ShowStreamHttpTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    ShowHttp shows;
    AuctionHttp auctions;
    Account seller;
    Account alice;
    Account bob;

    @BeforeEach
    void setUp() {
        shows = new ShowHttp(http);
        auctions = new AuctionHttp(http);
        TestAccounts accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        alice = accounts.register(Role.BUYER);
        bob = accounts.register(Role.BUYER);
    }

    @Test
    void theStreamCarriesLotsBidsAndResultsOnceInLogOrderAndResumesAfterLastEventId() {
        String show = shows.show(seller);
        String first = shows.lot(seller, show);
        String second = shows.lot(seller, show);
        List<Event> received;
        try (SseClient stream = SseClient.connect(port, "/api/v1/shows/" + show + "/stream", Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header(HttpHeaders.CONTENT_TYPE)).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);

            shows.start(seller, show, first).expectStatus().isOk();
            String auction = (String) shows.lotOf(show, first).get("auction_id");
            // Bids while the lot runs (on a loaded machine a late one may find it over: a 409 the log never sees).
            int accepted = 0;
            for (String[] bid : new String[][] {{"10.00", "a"}, {"10.50", "b"}, {"11.00", "a"}}) {
                int status = auctions.bid(bid[1].equals("a") ? alice : bob, auction, bid[0], null)
                        .returnResult(AuctionHttp.JSON).getStatus().value();
                assertThat(status).isIn(201, 409);
                accepted += status == 201 ? 1 : 0;
            }
            shows.awaitAuctionEnded(auction);
            shows.start(seller, show, second).expectStatus().isOk();
            assertThat(shows.awaitLotOver(show, second)).containsEntry("status", "unsold");
            shows.end(seller, show).expectStatus().isOk();

            List<String[]> log = showLog(show);
            received = stream.next(log.size());
            assertThat(received).extracting(e -> e.id() + " " + e.name())
                    .containsExactlyElementsOf(log.stream().map(f -> f[0] + " " + f[1]).toList());
            assertThat(stream.awaitEnd()).as("the stream ends with the show").isTrue();
            assertThat(stream.pending()).isEmpty();

            // lot_started, a bid_placed per accepted bid, the first lot's result, then the second lot, show_ended.
            assertThat(received).extracting(Event::name).containsExactlyElementsOf(expectedNames(accepted));
            JsonNode started = json.readTree(received.getFirst().data());
            assertThat(started.path("lot_id").asString()).isEqualTo(first);
            assertThat(started.path("auction_id").asString()).isEqualTo(auction);
            assertThat(started.path("show_id").asString()).isEqualTo(show);
            assertThat(started.path("soft_close_seconds").asInt()).isEqualTo(2);
            assertThat(started.path("starting_price").decimalValue()).isEqualByComparingTo("10.00");
            if (accepted > 0) {
                JsonNode bid = json.readTree(received.get(1).data());
                assertThat(bid.path("lot_id").asString()).isEqualTo(first);
                assertThat(bid.path("handle").asString()).isEqualTo("bidder-1");
                assertThat(bid.path("amount").decimalValue()).isEqualByComparingTo("10.00");
                assertThat(bid.has("ends_at")).isTrue();
                JsonNode sold = json.readTree(received.get(accepted + 1).data());
                assertThat(sold.path("winner").asString()).startsWith("bidder-");
                assertThat(sold.path("lot_id").asString()).isEqualTo(first);
            }
            assertThat(received).extracting(Event::data).allSatisfy(data -> assertThat(data)
                    .doesNotContain(alice.id().value().toString(), bob.id().value().toString(), "max"));
        }

        // Resumed after an event in the middle: exactly the events after it, then the end of the stream.
        Event middle = received.get(received.size() / 2);
        try (SseClient resumed = SseClient.connect(port, "/api/v1/shows/" + show + "/stream",
                Map.of("Last-Event-ID", middle.id()))) {
            List<Event> rest = received.subList(received.size() / 2 + 1, received.size());
            assertThat(resumed.next(rest.size())).extracting(Event::id)
                    .containsExactlyElementsOf(rest.stream().map(Event::id).toList());
            assertThat(resumed.awaitEnd()).isTrue();
            assertThat(resumed.pending()).isEmpty();
        }
        // Over, and nothing after the last id (or without one): 204, so an EventSource stops reconnecting.
        try (SseClient again = SseClient.connect(port, "/api/v1/shows/" + show + "/stream",
                Map.of("Last-Event-ID", received.getLast().id()))) {
            assertThat(again.status()).isEqualTo(204);
        }
        try (SseClient fresh = SseClient.connect(port, "/api/v1/shows/" + show + "/stream", Map.of())) {
            assertThat(fresh.status()).isEqualTo(204);
        }
        // The query parameter, 0: the whole log.
        try (SseClient all = SseClient.connect(port, "/api/v1/shows/" + show + "/stream?last_event_id=0", Map.of())) {
            assertThat(all.next(received.size())).extracting(Event::id)
                    .containsExactlyElementsOf(received.stream().map(Event::id).toList());
        }
    }

    @Test
    void refusalsAreProblems() {
        http.get().uri("/api/v1/shows/{id}/stream", UUID.randomUUID()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String show = shows.show(seller);
        http.get().uri("/api/v1/shows/{id}/stream", show).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "-1").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static List<String> expectedNames(int bids) {
        List<String> names = new java.util.ArrayList<>();
        names.add("lot_started");
        for (int i = 0; i < bids; i++) {
            names.add("bid_placed");
        }
        names.addAll(List.of(bids > 0 ? "lot_sold" : "lot_unsold", "lot_started", "lot_unsold", "show_ended"));
        return names;
    }

    /** The show's log: each fact's seq and type, in order. */
    private List<String[]> showLog(String show) {
        return jdbc.sql("SELECT seq, type FROM auctions.show_events WHERE show_id = :id ORDER BY seq")
                .param("id", UUID.fromString(show))
                .query((rs, row) -> new String[] {Long.toString(rs.getLong("seq")), rs.getString("type")}).list();
    }
}
