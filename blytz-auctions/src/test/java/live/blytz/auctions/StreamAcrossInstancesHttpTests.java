package live.blytz.auctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import live.blytz.AuctionsTestApplication;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auctions.SseClient.Event;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 12's cross-instance delivery with two real instances: this test's application context (A) and a second,
 * separate one (B: its own port, beans, Redisson and pool) on the same PostgreSQL and Redis. Bids go to A over HTTP;
 * a viewer follows the auction's stream on B, and resumes there with Last-Event-ID after missing bids made on A.
 */
@BlytzIntegrationTest
class StreamAcrossInstancesHttpTests {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    RestTestClient http;

    @BeforeAll
    static void startInstanceB() {
        instanceB = new SpringApplicationBuilder(AuctionsTestApplication.class).profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopInstanceB() {
        instanceB.close();
    }

    @Test
    void bidsAcceptedOnOneInstanceReachAStreamOnAnotherWithoutGapOrDuplicate() {
        AuctionHttp auctions = new AuctionHttp(http);
        TestAccounts accounts = new TestAccounts(http);
        Account seller = accounts.register(Role.SELLER);
        Account alice = accounts.register(Role.BUYER);
        Account bob = accounts.register(Role.BUYER);
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        int portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        String path = "/api/v1/auctions/" + id + "/stream";

        Event lastSeen;
        try (SseClient onB = SseClient.connect(portB, path, Map.of())) {
            assertThat(onB.status()).isEqualTo(200);
            auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
            auctions.bid(bob, id, "10.50", null).expectStatus().isCreated();
            List<Event> seen = onB.next(2);
            assertThat(seen).extracting(Event::seq).containsExactly(2L, 3L);
            assertThat(seen).extracting(Event::name).containsOnly("bid_placed");
            lastSeen = seen.getLast();
        }
        // Missed on B while away; made on A.
        auctions.bid(alice, id, "11.00", null).expectStatus().isCreated();
        try (SseClient resumed = SseClient.connect(portB, path, Map.of("Last-Event-ID", lastSeen.id()))) {
            assertThat(resumed.next()).extracting(Event::seq).isEqualTo(4L);
            auctions.bid(bob, id, "11.50", null).expectStatus().isCreated();
            assertThat(resumed.next()).extracting(Event::seq).isEqualTo(5L);
            assertThat(resumed.pending()).isEmpty();
        }
    }
}
