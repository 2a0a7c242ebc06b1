package live.blytz.auctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.sharedkernel.Role;
import live.blytz.users.events.UserProfileUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auctions over HTTP with real tokens, against the real PostgreSQL and Redis: who may open, bid, buy and cancel
 * (BFLA, BOLA), what each caller is shown, the refusals as problems, catalog's product locked and then sold, and the
 * closer ending auctions on time.
 */
@BlytzIntegrationTest
class AuctionHttpTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    AuctionHttp auctions;
    TestAccounts accounts;
    Account seller;
    Account otherSeller;
    Account alice;
    Account bob;
    Account admin;

    @BeforeEach
    void setUp() {
        auctions = new AuctionHttp(http);
        accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        otherSeller = accounts.register(Role.SELLER);
        alice = accounts.register(Role.BUYER);
        bob = accounts.register(Role.BUYER);
        admin = accounts.admin();
    }

    @Test
    void onlyTheProductsSellerOrAnAdminOpensAnAuctionWithCatalogsPrices() {
        String product = auctions.product(seller, "10.00", "50.00", "80.00");
        Map<String, Object> body = Map.of("product_id", product, "duration", "PT1H");
        http.post().uri("/api/v1/auctions").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isUnauthorized();
        auctions.open(alice, body).expectStatus().isForbidden();
        auctions.open(otherSeller, body).expectStatus().isForbidden();
        String draft = auctions.draft(seller, "10.00", null, null);
        auctions.open(otherSeller, Map.of("product_id", draft, "duration", "PT1H")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("product_id");
        auctions.open(seller, Map.of("product_id", draft, "duration", "PT1H")).expectStatus().isEqualTo(409);
        auctions.open(seller, Map.of("product_id", UUID.randomUUID().toString(), "duration", "PT1H"))
                .expectStatus().isBadRequest();

        auctions.open(seller, body).expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody()
                .jsonPath("$.auction.status").isEqualTo("running")
                .jsonPath("$.auction.seller.id").isEqualTo(seller.id().value().toString())
                .jsonPath("$.auction.product.id").isEqualTo(product)
                .jsonPath("$.auction.product.title").isEqualTo("Auctioned lamp")
                .jsonPath("$.auction.currency").isEqualTo("EUR")
                .jsonPath("$.auction.starting_price").isEqualTo(10.0)
                .jsonPath("$.auction.current_price").isEqualTo(10.0)
                .jsonPath("$.auction.minimum_next_bid").isEqualTo(10.0)
                .jsonPath("$.auction.reserve_price").isEqualTo(50.0)
                .jsonPath("$.auction.buy_now_price").isEqualTo(80.0)
                .jsonPath("$.auction.buy_now_available").isEqualTo(true)
                .jsonPath("$.auction.bid_count").isEqualTo(0)
                .jsonPath("$.auction.version").isEqualTo(1);
        // One scheduled or running auction per product.
        auctions.open(seller, body).expectStatus().isEqualTo(409);

        // An admin opens one for the seller: it is the seller's auction.
        String another = auctions.product(seller, "10.00", null, null);
        auctions.open(admin, Map.of("product_id", another, "ends_at", Instant.now().plus(Duration.ofHours(2)).toString()))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.auction.seller.id").isEqualTo(seller.id().value().toString());
    }

    @Test
    void theOpenBodyIsCheckedAndCannotSetWhatTheServerOwns() {
        String product = auctions.product(seller, "10.00", null, null);
        for (String field : new String[] {"seller_id", "starting_price", "status", "current_price"}) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("product_id", product, "duration", "PT1H"));
            body.put(field, field.endsWith("price") ? (Object) 1 : "x");
            auctions.open(seller, body).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
        auctions.open(seller, Map.of("product_id", product)).expectStatus().isBadRequest();
        auctions.open(seller, Map.of("product_id", product, "duration", "PT1H", "ends_at", Instant.now().toString()))
                .expectStatus().isBadRequest();
        auctions.open(seller, Map.of("product_id", product, "duration", "one hour")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("duration");
        auctions.open(seller, Map.of("product_id", product, "duration", "PT0.5S")).expectStatus().isBadRequest();
        auctions.open(seller, Map.of("product_id", product, "duration", "P31D")).expectStatus().isBadRequest();
        auctions.open(seller, Map.of("product_id", product, "duration", "PT1H",
                "starts_at", Instant.now().minusSeconds(60).toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("starts_at");
        // A later start: scheduled, and bids are refused until it starts.
        Map<String, Object> scheduled = auctions.open(seller, Map.of("product_id", product, "duration", "PT1H",
                        "starts_at", Instant.now().plus(Duration.ofHours(1)).toString()))
                .expectStatus().isCreated().returnResult(AuctionHttp.JSON).getResponseBody();
        String id = (String) ((Map<?, ?>) scheduled.get("auction")).get("id");
        assertThat(((Map<?, ?>) scheduled.get("auction")).get("status")).isEqualTo("scheduled");
        auctions.bid(alice, id, "10.00", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.starts_at").exists();
    }

    @Test
    void theReserveBiddersIdsAndMaximumsAreShownOnlyToThoseEntitled() {
        String id = auctions.auction(seller, "10.00", "50.00", null, "PT1H");
        auctions.bid(alice, id, "10.00", "30.00").expectStatus().isCreated().expectBody()
                .jsonPath("$.bid.leading").isEqualTo(true)
                .jsonPath("$.bid.max_amount").isEqualTo(30.0)
                .jsonPath("$.auction.reserve_met").isEqualTo(false)
                .jsonPath("$.auction.reserve_price").isEqualTo(null);
        auctions.bid(bob, id, "12.00", null).expectStatus().isCreated().expectBody()
                .jsonPath("$.bid.leading").isEqualTo(false)
                .jsonPath("$.auction.current_price").isEqualTo(12.5);

        Map<String, Object> anonymous = auctions.get(id, null);
        assertThat(anonymous).containsEntry("reserve_price", null).containsEntry("has_reserve", true)
                .containsEntry("reserve_met", false).containsEntry("your_max_amount", null)
                .containsEntry("bid_count", 3).containsEntry("current_price", 12.5).containsEntry("minimum_next_bid", 13.0);
        assertThat(anonymous.get("leader")).isEqualTo(bidder("bidder-1", null));
        assertThat(auctions.get(id, bob)).containsEntry("your_max_amount", 12.0).containsEntry("reserve_price", null);
        Map<String, Object> own = auctions.get(id, alice);
        assertThat(own).containsEntry("your_max_amount", 30.0);
        assertThat(own.get("leader")).isEqualTo(Map.of("handle", "bidder-1", "bidder_id", alice.id().value().toString()));
        Map<String, Object> sellers = auctions.get(id, seller);
        assertThat(sellers).containsEntry("reserve_price", 50.0).containsEntry("your_max_amount", null);
        assertThat(sellers.get("leader")).isEqualTo(Map.of("handle", "bidder-1", "bidder_id", alice.id().value().toString()));
        assertThat(auctions.get(id, admin)).containsEntry("reserve_price", 50.0);

        // The history: handles for the public, ids for the seller and admins, nobody's maximum.
        http.get().uri("/api/v1/auctions/{id}/bids", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(3)
                .jsonPath("$.data[0].bidder.handle").isEqualTo("bidder-1")
                .jsonPath("$.data[0].kind").isEqualTo("proxy")
                .jsonPath("$.data[0].amount").isEqualTo(12.5)
                .jsonPath("$.data[1].bidder.handle").isEqualTo("bidder-2")
                .jsonPath("$.data[1].amount").isEqualTo(12.0)
                .jsonPath("$.data[2].amount").isEqualTo(10.0)
                .jsonPath("$.data[*].bidder.bidder_id").value(ids -> assertThat((List<?>) ids).containsOnlyNulls())
                .jsonPath("$.data[*].max_amount").doesNotExist();
        http.get().uri("/api/v1/auctions/{id}/bids", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[1].bidder.bidder_id").isEqualTo(bob.id().value().toString());
        http.get().uri("/api/v1/auctions/{id}/bids", id).header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].bidder.bidder_id").doesNotExist()
                .jsonPath("$.data[1].bidder.bidder_id").isEqualTo(bob.id().value().toString())
                .jsonPath("$.data[1].yours").isEqualTo(true);
        http.get().uri("/api/v1/auctions/{id}/bids?page_size=2", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.pagination.next_cursor").isNotEmpty();
        http.get().uri("/api/v1/auctions/{id}/bids", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @Test
    void anAcceptedBidAnswersWithTheBidAsItsBidderSeesItAndTheAuctionAsItLeftIt() {
        String id = auctions.auction(seller, "10.00", "50.00", null, "PT1H");
        var alices = auctions.bid(alice, id, "10.00", "30.00").expectStatus().isCreated()
                .returnResult(AuctionHttp.JSON);
        Map<String, Object> bid = section(alices.getResponseBody(), "bid");
        Map<String, Object> auction = section(alices.getResponseBody(), "auction");
        // The auction exactly as GET /auctions/{id} shows it to alice now, and its version the ETag.
        assertThat(auction).isEqualTo(auctions.get(id, alice));
        assertThat(alices.getResponseHeaders().getETag()).isEqualTo("\"" + auction.get("version") + "\"");
        assertThat(bid).containsEntry("kind", "bid").containsEntry("amount", 10.0).containsEntry("max_amount", 30.0)
                .containsEntry("leading", true)
                .containsEntry("bidder", Map.of("handle", "bidder-1", "bidder_id", alice.id().value().toString()));
        assertThat(auction).containsEntry("version", bid.get("sequence")).containsEntry("your_max_amount", 30.0)
                .containsEntry("reserve_price", null).containsEntry("has_reserve", true)
                .containsEntry("reserve_met", false).containsEntry("current_price", 10.0);
        // The bid is its history entry.
        Map<String, Object> entry = section(http.get().uri("/api/v1/auctions/{id}/bids", id)
                .header(HttpHeaders.AUTHORIZATION, alice.bearer()).exchange().expectStatus().isOk()
                .returnResult(AuctionHttp.JSON).getResponseBody(), "data", 0);
        assertThat(entry).containsEntry("sequence", bid.get("sequence")).containsEntry("placed_at", bid.get("placed_at"))
                .containsEntry("bidder", bid.get("bidder")).containsEntry("amount", 10.0);

        // Bob's bid is covered by alice's maximum: it stands, her proxy answers it, he does not lead. He sees his own
        // maximum and the leader's handle, not her id, her maximum (30.00) or the reserve.
        String key = UUID.randomUUID().toString();
        Map<String, Object> bobs = auctions.bid(bob, id, "15.00", null, key).expectStatus().isCreated()
                .returnResult(AuctionHttp.JSON).getResponseBody();
        assertThat(section(bobs, "bid")).containsEntry("kind", "bid").containsEntry("amount", 15.0)
                .containsEntry("max_amount", 15.0).containsEntry("leading", false)
                .containsEntry("bidder", Map.of("handle", "bidder-2", "bidder_id", bob.id().value().toString()));
        assertThat(section(bobs, "auction")).isEqualTo(auctions.get(id, bob))
                .containsEntry("current_price", 15.5).containsEntry("bid_count", 3)
                .containsEntry("leader", bidder("bidder-1", null)).containsEntry("your_max_amount", 15.0)
                .containsEntry("reserve_price", null)
                .containsEntry("version", ((Number) section(bobs, "bid").get("sequence")).intValue() + 1);

        // Once the auction has moved on, a retry still answers the auction as bob's bid left it.
        auctions.bid(accounts.register(Role.BUYER), id, "40.00", null).expectStatus().isCreated();
        Map<String, Object> retried = auctions.bid(bob, id, "15.00", null, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + section(bobs, "auction").get("version") + "\"")
                .returnResult(AuctionHttp.JSON).getResponseBody();
        assertThat(retried).isEqualTo(bobs);
        assertThat(auctions.get(id, bob)).containsEntry("current_price", 40.0).containsEntry("reserve_met", false);
    }

    @Test
    void theSellerIsShownWithTheirCurrentNameWhereverTheAuctionAppears() throws InterruptedException {
        Account named = accounts.register(Role.SELLER, "Ada", "Lovelace");
        String id = auctions.auction(named, "10.00", "50.00", null, "PT1H");
        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
        String before = displayName(named);
        awaitSellerName(id, before);

        // A rename in users reaches the auctions through users' event.
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, named.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("first_name", "Grace", "last_name", "Hopper"))
                .exchange().expectStatus().isOk();
        String after = displayName(named);
        assertThat(after).isNotEqualTo(before);
        awaitSellerName(id, after);
        Map<String, Object> seller = Map.of("id", named.id().value().toString(), "display_name", after);
        Map<String, Object> product = section(auctions.get(id, null), "product");
        assertThat(product).containsEntry("title", "Auctioned lamp").containsKey("id");

        // The same representation wherever an auction appears: the list, the seller's own, the bidder's own, a bid.
        Map<String, Object> listed = section(http.get().uri("/api/v1/auctions?seller_id={s}", named.id().value())
                .exchange().expectStatus().isOk().returnResult(AuctionHttp.JSON).getResponseBody(), "data", 0);
        assertThat(listed).containsEntry("seller", seller).containsEntry("product", product)
                .containsEntry("reserve_price", null);
        Map<String, Object> own = section(http.get().uri("/api/v1/auctions/mine")
                .header(HttpHeaders.AUTHORIZATION, named.bearer()).exchange().expectStatus().isOk()
                .returnResult(AuctionHttp.JSON).getResponseBody(), "data", 0);
        assertThat(own).containsEntry("seller", seller).containsEntry("product", product)
                .containsEntry("reserve_price", 50.0);
        Map<String, Object> mine = section(http.get().uri("/api/v1/auctions/mine/bids")
                .header(HttpHeaders.AUTHORIZATION, alice.bearer()).exchange().expectStatus().isOk()
                .returnResult(AuctionHttp.JSON).getResponseBody(), "data", 0);
        assertThat(section(mine, "auction")).containsEntry("seller", seller).containsEntry("product", product)
                .containsEntry("reserve_price", null).containsEntry("your_max_amount", 10.0);
        auctions.bid(bob, id, "11.00", null).expectStatus().isCreated().expectBody()
                .jsonPath("$.auction.seller.display_name").isEqualTo(after)
                .jsonPath("$.auction.product.title").isEqualTo("Auctioned lamp");

        // An older profile event, delivered late, changes nothing.
        transactions.executeWithoutResult(status -> events.publishEvent(new UserProfileUpdated(named.id(), 0,
                Instant.now(), "Stale name", null)));
        awaitNamesApplied(named);
        assertThat(section(auctions.get(id, null), "seller")).isEqualTo(seller);
    }

    @Test
    void bidsAreRefusedAsProblemsAndALosingBidLearnsThePriceAndMinimum() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        http.post().uri("/api/v1/auctions/{id}/bids", id).header("Idempotency-Key", "k")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("amount", 10)).exchange()
                .expectStatus().isUnauthorized();
        auctions.bid(seller, id, "10.00", null).expectStatus().isForbidden();
        auctions.bid(alice, UUID.randomUUID().toString(), "10.00", null).expectStatus().isNotFound();
        auctions.bid(alice, id, "10.001", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        auctions.bid(alice, id, "12.00", "11.00").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("max_amount");
        http.post().uri("/api/v1/auctions/{id}/bids", id).header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("amount", 10)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.post().uri("/api/v1/auctions/{id}/bids", id).header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", 10, "bidder_id", bob.id().value().toString())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("bidder_id");

        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
        auctions.bid(bob, id, "10.25", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.current_price").isEqualTo(10.0)
                .jsonPath("$.minimum_next_bid").isEqualTo(10.5)
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.ends_at").isNotEmpty();
        assertThat(auctions.get(id, null)).containsEntry("bid_count", 1);
    }

    @Test
    void aRetriedBidReturnsTheFirstOutcomeAndNeverBidsTwice() throws Exception {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = auctions.bid(alice, id, "10.00", "15.00", key).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").returnResult(AuctionHttp.JSON).getResponseBody();
        Map<String, Object> retry = auctions.bid(alice, id, "10.00", "15.00", key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").returnResult(AuctionHttp.JSON)
                .getResponseBody();
        assertThat(retry).isEqualTo(first);
        // The same amounts written differently are the same request; other amounts are another request.
        auctions.bid(alice, id, "10", "15.0", key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        auctions.bid(alice, id, "11.00", "15.00", key).expectStatus().isEqualTo(409);
        assertThat(auctions.get(id, null)).containsEntry("bid_count", 1);
        // Keys are per bidder: bob's same key is bob's own.
        auctions.bid(bob, id, "10.50", null, key).expectStatus().isCreated();
        // Alice's retry after bob's bid moved the auction on: still the first answer.
        assertThat(auctions.bid(alice, id, "10.00", "15.00", key).expectStatus().isCreated()
                .returnResult(AuctionHttp.JSON).getResponseBody()).isEqualTo(first);

        // Concurrent retries of one request: one bid, every answer the same.
        String raced = UUID.randomUUID().toString();
        List<Map<String, Object>> answers = live.blytz.Concurrently.run(8, () -> auctions.bid(bob, id, "20.00", null,
                raced).expectStatus().isCreated().returnResult(AuctionHttp.JSON).getResponseBody());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.getFirst()));
        assertThat(jdbc.sql("SELECT count(*) FROM auctions.bids WHERE auction_id = ? AND amount = 20.00")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whileTheAuctionRunsCatalogRefusesPriceStatusAndDeletionAndBuyNowSellsTheProduct() {
        String product = auctions.product(seller, "10.00", "50.00", "80.00");
        String id = (String) auctions.opened(seller, product, "PT1H").get("id");
        // Catalog's product says which auction holds it, to the public too (a new version: the ETag changes).
        assertThat(auctions.productOf(product, seller)).containsEntry("auction_id", id);
        http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.product.auction_id").isEqualTo(id);
        http.get().uri("/api/v1/products?seller_id={seller}", seller.id().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.id == '%s')].auction_id".formatted(product)).isEqualTo(id);
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("starting_price", 12),
                Map.of("reserve_price", 60), Map.of("buy_now_price", 90), Map.of("currency", "USD"),
                Map.of("status", "draft"), Map.of("status", "archived"))) {
            http.patch().uri("/api/v1/products/{id}", product).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(change).exchange().expectStatus().isEqualTo(409);
        }
        http.delete().uri("/api/v1/products/{id}", product).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isEqualTo(409);
        http.patch().uri("/api/v1/products/{id}", product).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Renamed lamp")).exchange()
                .expectStatus().isOk();

        auctions.bid(alice, id, "10.00", "40.00").expectStatus().isCreated();
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(seller))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(bob))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.auction.status").isEqualTo("ended")
                .jsonPath("$.auction.outcome").isEqualTo("sold")
                .jsonPath("$.auction.current_price").isEqualTo(80.0)
                .jsonPath("$.auction.winner.bidder_id").isEqualTo(bob.id().value().toString());
        assertThat(auctions.productOf(product, seller)).containsEntry("status", "sold").containsEntry("auction_id", null);
        // The buyer's retry (its answer lost) gets the same purchase, not a second one and not a 409.
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(bob))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.auction.winner.bidder_id").isEqualTo(bob.id().value().toString());
        assertThat(jdbc.sql("SELECT count(*) FROM auctions.auction_events WHERE auction_id = ? AND type = 'bought_now'")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(alice))
                .exchange().expectStatus().isEqualTo(409);
        auctions.bid(alice, id, "90.00", null).expectStatus().isEqualTo(409);
        assertThat(auctions.get(id, alice).get("winner")).isEqualTo(bidder("bidder-2", null));
    }

    @Test
    void buyNowIsRefusedOnceABidMeetsTheReserve() {
        String id = auctions.auction(seller, "10.00", "30.00", "80.00", "PT1H");
        auctions.bid(alice, id, "30.00", null).expectStatus().isCreated().expectBody()
                .jsonPath("$.auction.reserve_met").isEqualTo(true);
        assertThat(auctions.get(id, null)).containsEntry("buy_now_available", false).containsEntry("reserve_met", true);
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(bob))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aBidInTheLastSecondsMovesTheEndAndEveryResponseStatesIt() {
        // The test profile's extension is 3 seconds: any bid in a 2-second auction comes within it. On a loaded machine
        // the bid may come after the end (a 409): then try again with a new auction.
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, Object> auction = auctions.opened(seller, auctions.product(seller, "10.00", null, null), "PT2S");
            Instant end = Instant.parse((String) auction.get("ends_at"));
            Instant before = Instant.now();
            var response = auctions.bid(alice, (String) auction.get("id"), "10.00", null).returnResult(AuctionHttp.JSON);
            if (response.getStatus().value() == 409) {
                continue;
            }
            assertThat(response.getStatus().value()).isEqualTo(201);
            Object movedEnd = ((Map<?, ?>) response.getResponseBody().get("auction")).get("ends_at");
            Instant moved = Instant.parse((String) movedEnd);
            assertThat(moved).isAfter(end).isBetween(before.plusSeconds(3).minusMillis(5), Instant.now().plusSeconds(3));
            assertThat(auctions.get((String) auction.get("id"), null)).containsEntry("ends_at", movedEnd);
            return;
        }
        throw new AssertionError("no bid came within five 2-second auctions");
    }

    @Test
    void theSellerCancelsBeforeTheFirstBidAndAnAdminAnyTime() {
        String product = auctions.product(seller, "10.00", null, null);
        String id = (String) auctions.opened(seller, product, "PT1H").get("id");
        http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, otherSeller.bearer())
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/auctions/{id}/cancel", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                seller.bearer()).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "\"7\"").exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/auctions/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "\"1\"").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.auction.status").isEqualTo("cancelled");
        // The product is free again: no auction holds it, it is editable, and it can be auctioned anew.
        assertThat(auctions.productOf(product, seller)).containsEntry("auction_id", null);
        http.patch().uri("/api/v1/products/{id}", product).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("starting_price", 12)).exchange()
                .expectStatus().isOk();
        String again = (String) auctions.opened(seller, product, "PT1H").get("id");
        auctions.bid(alice, again, "12.00", null).expectStatus().isCreated();
        http.post().uri("/api/v1/auctions/{id}/cancel", again).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/auctions/{id}/cancel", again).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.auction.status").isEqualTo("cancelled");
        auctions.bid(bob, again, "20.00", null).expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/auctions/{id}/cancel", again).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void dueAuctionsAreClosedByTheCloserSoldToTheLeaderOrUnsoldAndTheProductFollows() {
        // A short auction with a bid; on a loaded machine the bid may come after the end (then a 409): try again.
        String soldProduct = null;
        String sold = null;
        for (int attempt = 0; sold == null && attempt < 5; attempt++) {
            soldProduct = auctions.product(seller, "10.00", null, null);
            String candidate = (String) auctions.opened(seller, soldProduct, "PT4S").get("id");
            int status = auctions.bid(alice, candidate, "10.00", null).returnResult(AuctionHttp.JSON).getStatus().value();
            assertThat(status).isIn(201, 409);
            sold = status == 201 ? candidate : null;
        }
        assertThat(sold).isNotNull();
        String scheduled = (String) ((Map<?, ?>) auctions.open(seller, Map.of("product_id",
                        auctions.product(seller, "10.00", null, null), "duration", "PT1S",
                        "starts_at", Instant.now().plusSeconds(5).toString()))
                .expectStatus().isCreated().returnResult(AuctionHttp.JSON).getResponseBody().get("auction")).get("id");
        String unsoldProduct = auctions.product(seller, "10.00", null, null);
        String unsold = (String) auctions.opened(seller, unsoldProduct, "PT1S").get("id");

        Map<String, Object> closed = awaitStatus(unsold, "ended", Duration.ofSeconds(60));
        assertThat(closed).containsEntry("outcome", "unsold").containsEntry("winner", null)
                .containsEntry("minimum_next_bid", null);
        assertThat(Instant.parse((String) closed.get("closed_at"))).isAfterOrEqualTo(Instant.parse((String) closed.get("ends_at")));
        assertThat(auctions.productOf(unsoldProduct, seller)).containsEntry("status", "active");
        http.patch().uri("/api/v1/products/{id}", unsoldProduct).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("starting_price", 12)).exchange()
                .expectStatus().isOk();

        // scheduled → running → ended, by the closer alone.
        assertThat(awaitStatus(scheduled, "ended", Duration.ofSeconds(60))).containsEntry("outcome", "unsold");
        assertThat(jdbc.sql("SELECT type FROM auctions.auction_events WHERE auction_id = ? ORDER BY seq")
                .param(UUID.fromString(scheduled)).query(String.class).list())
                .containsExactly("opened", "started", "ended");
        Map<String, Object> won = awaitStatus(sold, "ended", Duration.ofSeconds(60));
        assertThat(won).containsEntry("outcome", "sold").containsEntry("current_price", 10.0);
        assertThat(Instant.parse((String) won.get("closed_at"))).isAfterOrEqualTo(Instant.parse((String) won.get("ends_at")));
        assertThat(auctions.get(sold, alice).get("winner"))
                .isEqualTo(Map.of("handle", "bidder-1", "bidder_id", alice.id().value().toString()));
        assertThat(auctions.productOf(soldProduct, seller)).containsEntry("status", "sold");
        auctions.bid(bob, sold, "20.00", null).expectStatus().isEqualTo(409);
        http.get().uri("/api/v1/auctions/mine/bids").header(HttpHeaders.AUTHORIZATION, alice.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[0].standing").isEqualTo("won");
    }

    @Test
    void theCallersOwnAuctionsAndBids() {
        String first = auctions.auction(seller, "10.00", null, null, "PT1H");
        String second = auctions.auction(seller, "10.00", null, null, "PT1H");
        auctions.bid(alice, first, "10.00", null).expectStatus().isCreated();
        auctions.bid(alice, second, "10.00", null).expectStatus().isCreated();
        auctions.bid(bob, second, "11.00", null).expectStatus().isCreated();

        http.get().uri("/api/v1/auctions/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.data[0].id").isEqualTo(second)
                .jsonPath("$.pagination.total").isEqualTo(2);
        http.get().uri("/api/v1/auctions/mine").header(HttpHeaders.AUTHORIZATION, alice.bearer()).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/auctions/mine").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/auctions/mine/bids").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/auctions/mine/bids").header(HttpHeaders.AUTHORIZATION, alice.bearer()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.data[0].auction.id").isEqualTo(second)
                .jsonPath("$.data[0].standing").isEqualTo("outbid")
                .jsonPath("$.data[0].auction.your_max_amount").isEqualTo(10.0)
                .jsonPath("$.data[1].standing").isEqualTo("leading");
        http.get().uri("/api/v1/auctions/mine/bids").header(HttpHeaders.AUTHORIZATION, seller.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
    }

    @Test
    void aLeaderRaisingTheirMaximumKeepsThePriceAndOnlyTheyLearnOfIt() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        auctions.bid(alice, id, "10.00", "20.00").expectStatus().isCreated();
        auctions.bid(bob, id, "12.00", null).expectStatus().isCreated();
        auctions.bid(alice, id, "13.00", "50.00").expectStatus().isCreated().expectBody()
                .jsonPath("$.bid.kind").isEqualTo("max_raised")
                .jsonPath("$.bid.leading").isEqualTo(true)
                .jsonPath("$.bid.amount").isEqualTo(12.5)
                .jsonPath("$.bid.max_amount").isEqualTo(50.0)
                .jsonPath("$.auction.current_price").isEqualTo(12.5)
                .jsonPath("$.auction.your_max_amount").isEqualTo(50.0)
                .jsonPath("$.auction.bid_count").isEqualTo(3);
        assertThat(auctions.get(id, alice)).containsEntry("current_price", 12.5).containsEntry("bid_count", 3)
                .containsEntry("your_max_amount", 50.0);
        assertThat(auctions.get(id, bob)).containsEntry("current_price", 12.5).containsEntry("your_max_amount", 12.0);
        http.get().uri("/api/v1/auctions/{id}/bids", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(3);
        auctions.bid(alice, id, "13.00", "50.00").expectStatus().isEqualTo(409);
    }

    @Test
    void theListFiltersSortsAndPagesWithSignedCursors() {
        Account lister = accounts.register(Role.SELLER);
        List<String> ids = new ArrayList<>();
        for (String price : new String[] {"30.00", "10.00", "20.00"}) {
            ids.add(auctions.auction(lister, price, null, null, "PT" + (ids.size() + 1) + "H"));
        }
        http.get().uri("/api/v1/auctions?seller_id={s}", lister.id().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(ids);
        Map<String, Object> page = http.get().uri("/api/v1/auctions?seller_id={s}&sort=price&page_size=2",
                lister.id().value()).exchange().expectStatus().isOk().returnResult(AuctionHttp.JSON).getResponseBody();
        assertThat(((List<?>) page.get("data")).stream().map(item -> (Object) ((Map<?, ?>) item).get("id")).toList())
                .containsExactly((Object) ids.get(1), ids.get(2));
        String cursor = (String) ((Map<?, ?>) page.get("pagination")).get("next_cursor");
        http.get().uri("/api/v1/auctions?seller_id={s}&sort=price&page_size=2&cursor={c}", lister.id().value(), cursor)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(ids.get(0)))
                .jsonPath("$.pagination.next_cursor").isEmpty();
        http.get().uri("/api/v1/auctions?seller_id={s}&sort=-created_at&cursor={c}", lister.id().value(), cursor)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/auctions?seller_id={s}&ending_before={t}", lister.id().value(),
                Instant.now().plus(Duration.ofMinutes(90)).toString()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(ids.get(0)));
        http.get().uri("/api/v1/auctions?seller_id={s}&status=ended", lister.id().value()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
        http.get().uri("/api/v1/auctions?status=RUNNING").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/auctions?sort=title").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/auctions?ending_before=tomorrow").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/auctions?page_size=101").exchange().expectStatus().isBadRequest();
        // By default the list holds what can still be bid on: a cancelled or ended auction only when asked for.
        http.post().uri("/api/v1/auctions/{id}/cancel", ids.get(0)).header(HttpHeaders.AUTHORIZATION, lister.bearer())
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/auctions?seller_id={s}", lister.id().value()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(List.copyOf(ids.subList(1, 3)));
        http.get().uri("/api/v1/auctions?seller_id={s}&status=cancelled", lister.id().value()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(ids.get(0)));
    }

    @Test
    void bidsAreRateLimitedPerAccount() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        Account eager = accounts.register(Role.BUYER);
        String key = UUID.randomUUID().toString();
        auctions.bid(eager, id, "10.00", null, key).expectStatus().isCreated();
        // A retry spends nothing: it takes a token and is given it back once answered from its first outcome (one
        // here: the bidder's address may send 45 bids in all).
        auctions.bid(eager, id, "10.00", null, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        // The test profile allows an account 40 bids per 10 minutes, refilled evenly: the 41st comes at once, unless
        // the machine is so slow that a token was refilled meanwhile.
        int answered = 1;
        RestTestClient.ResponseSpec response = auctions.bid(eager, id, "1.00", null);
        while (response.returnResult(AuctionHttp.JSON).getStatus().value() == 409 && answered < 60) {
            answered++;
            response = auctions.bid(eager, id, "1.00", null);
        }
        assertThat(answered).isBetween(40, 59);
        auctions.bid(eager, id, "11.00", null).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A retry of a decided bid spends nothing: with no token left it still gets its first outcome.
        auctions.bid(eager, id, "10.00", null, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        auctions.bid(alice, id, "11.00", null).expectStatus().isCreated();
    }

    @Test
    void bidsAreRateLimitedPerAddressAcrossAccounts() {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        List<Account> sharing = List.of(accounts.register(Role.BUYER), accounts.register(Role.BUYER));
        // The test profile allows an address 45 bids per 10 minutes (each account 40): two accounts behind one
        // address reach the address's limit with about 23 bids each, unless a slow machine refilled a token meanwhile.
        int answered = 0;
        int status = 409;
        while (status == 409 && answered < 60) {
            status = auctions.bidFrom(address, sharing.get(answered % 2), id, "1.00", null, UUID.randomUUID().toString())
                    .returnResult(AuctionHttp.JSON).getStatus().value();
            answered += status == 409 ? 1 : 0;
        }
        assertThat(answered).isBetween(45, 59);
        assertThat(status).isEqualTo(429);
        auctions.bidFrom(address, sharing.getFirst(), id, "10.00", null, UUID.randomUUID().toString())
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The same account from another address, and another account from its own, still bid.
        auctions.bid(sharing.getFirst(), id, "10.00", null).expectStatus().isCreated();
        auctions.bid(alice, id, "11.00", null).expectStatus().isCreated();
    }

    @Test
    void aSuspendedSellersAuctionsAreCancelledTheirProductsReleasedAndItsMaximumStopsBidding() throws Exception {
        Account suspect = accounts.register(Role.SELLER);
        String runningProduct = auctions.product(suspect, "10.00", null, null);
        String running = (String) auctions.opened(suspect, runningProduct, "PT1H").get("id");
        auctions.bid(alice, running, "10.00", null).expectStatus().isCreated();
        String scheduledProduct = auctions.product(suspect, "10.00", null, null);
        Map<String, Object> opened = auctions.open(suspect, Map.of("product_id", scheduledProduct,
                        "starts_at", Instant.now().plus(Duration.ofHours(1)).toString(), "duration", "PT1H"))
                .expectStatus().isCreated().returnResult(AuctionHttp.JSON).getResponseBody();
        String scheduled = (String) ((Map<?, ?>) opened.get("auction")).get("id");
        String others = auctions.auction(seller, "10.00", null, null, "PT1H");
        // The suspect also bids elsewhere, leading with a maximum: it must stop bidding for a suspended account.
        auctions.bid(suspect, others, "10.00", "50.00").expectStatus().isCreated();

        transactions.executeWithoutResult(status -> events.publishEvent(new AccountSuspended(suspect.id(), 100,
                Instant.now())));
        assertThat(awaitStatus(running, "cancelled", Duration.ofSeconds(10))).containsEntry("status", "cancelled");
        assertThat(awaitStatus(scheduled, "cancelled", Duration.ofSeconds(10))).containsEntry("status", "cancelled");
        assertThat(auctions.get(others, null)).containsEntry("status", "running");
        auctions.bid(bob, running, "20.00", null).expectStatus().isEqualTo(409);
        // Its standing bid stays, its maximum does not answer the next bid: bob leads at his own amount.
        Instant deadline = Instant.now().plusSeconds(10);
        while (jdbc.sql("SELECT count(*) FROM auctions.auction_events WHERE auction_id = ? AND type = 'max_withdrawn'")
                .param(UUID.fromString(others)).query(Long.class).single() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        auctions.bid(bob, others, "12.00", null).expectStatus().isCreated().expectBody()
                .jsonPath("$.bid.leading").isEqualTo(true).jsonPath("$.auction.current_price").isEqualTo(12.0);
        // The log says why; the products are released (catalog hides a suspended seller's products from the public).
        assertThat(jdbc.sql("SELECT payload ->> 'reason' FROM auctions.auction_events WHERE auction_id = ? "
                + "ORDER BY seq DESC LIMIT 1").param(UUID.fromString(running)).query(String.class).single())
                .isEqualTo("seller_suspended");
        for (String product : List.of(runningProduct, scheduledProduct)) {
            assertThat(auctions.productOf(product, admin)).containsEntry("auction_id", null)
                    .containsEntry("status", "active");
        }
        // A repeated delivery changes nothing.
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountSuspended(suspect.id(), 100,
                Instant.now())));
        assertThat(jdbc.sql("SELECT count(*) FROM auctions.auction_events WHERE auction_id = ? AND type = 'cancelled'")
                .param(UUID.fromString(running)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theListByCategoryIncludesItsSubCategories() {
        String parent = auctions.newCategory(null);
        String child = auctions.newCategory(parent);
        String grandchild = auctions.newCategory(child);
        String sibling = auctions.newCategory(parent);
        Account lister = accounts.register(Role.SELLER);
        auctions.useCategory(parent);
        String inParent = auctions.auction(lister, "10.00", null, null, "PT1H");
        auctions.useCategory(grandchild);
        String inGrandchild = auctions.auction(lister, "10.00", null, null, "PT2H");
        auctions.useCategory(sibling);
        String inSibling = auctions.auction(lister, "10.00", null, null, "PT3H");

        http.get().uri("/api/v1/auctions?category_id={c}", parent).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(inParent, inGrandchild, inSibling));
        http.get().uri("/api/v1/auctions?category_id={c}", child).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(inGrandchild));
        http.get().uri("/api/v1/auctions?category_id={c}", UUID.randomUUID()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEmpty();
    }

    @Test
    void aSuspendedAccountCannotBidAndAReactivatedOneCan() throws InterruptedException {
        String id = auctions.auction(seller, "10.00", null, null, "PT1H");
        // Auth's event, published as auth does (in a transaction); the token stays valid, so the bid reaches the check.
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountSuspended(alice.id(), 100,
                Instant.now())));
        awaitSuspended(alice, true);
        auctions.bid(alice, id, "10.00", null).expectStatus().isForbidden();
        http.post().uri("/api/v1/auctions/{id}/buy-now", id).header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .header("X-Forwarded-For", AuctionHttp.addressOf(alice))
                .exchange().expectStatus().isForbidden();
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountReactivated(alice.id(), 101,
                Instant.now())));
        awaitSuspended(alice, false);
        auctions.bid(alice, id, "10.00", null).expectStatus().isCreated();
    }

    @Test
    void aSuspendedSellerCannotOpenAnAuctionAndAReactivatedOneCan() throws InterruptedException {
        String product = auctions.product(seller, "10.00", null, null);
        Map<String, Object> body = Map.of("product_id", product, "duration", "PT1H");
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountSuspended(seller.id(), 100,
                Instant.now())));
        awaitSuspended(seller, true);
        auctions.open(seller, body).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("A suspended account cannot open auctions");
        transactions.executeWithoutResult(status -> events.publishEvent(new AccountReactivated(seller.id(), 101,
                Instant.now())));
        awaitSuspended(seller, false);
        // Nothing was reserved by the refusal: the product is still free to auction.
        auctions.open(seller, body).expectStatus().isCreated();
    }

    /** The object at {@code name} of a body, or its element {@code index} when it is a list. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> body, String name, int... index) {
        Object value = body.get(name);
        return (Map<String, Object>) (index.length == 0 ? value : ((List<?>) value).get(index[0]));
    }

    private String displayName(Account account) {
        return (String) section(http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk().returnResult(AuctionHttp.JSON).getResponseBody(), "user")
                .get("display_name");
    }

    private void awaitSellerName(String auctionId, String name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!name.equals(section(auctions.get(auctionId, null), "seller").get("display_name"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(section(auctions.get(auctionId, null), "seller")).containsEntry("display_name", name);
    }

    /** Until the auctions have handled every profile event of {@code account} published so far. */
    private void awaitNamesApplied(Account account) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%DisplayNameEventListeners%' "
                        + "AND serialized_event LIKE ?").param("%" + account.id().value() + "%").query(Long.class)
                .single() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the profile event was never handled");
            }
            Thread.sleep(50);
        }
    }

    /** A bidder as a response shows them (a map that may hold a null id). */
    private static Map<String, Object> bidder(String handle, @org.jspecify.annotations.Nullable String id) {
        Map<String, Object> bidder = new java.util.LinkedHashMap<>();
        bidder.put("handle", handle);
        bidder.put("bidder_id", id);
        return bidder;
    }

    private void awaitSuspended(Account account, boolean suspended) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Boolean stored = jdbc.sql("SELECT suspended FROM auctions.accounts WHERE id = ?")
                    .param(account.id().value()).query(Boolean.class).optional().orElse(null);
            if (Boolean.valueOf(suspended).equals(stored)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the suspension read model never became " + suspended);
    }

    private Map<String, Object> awaitStatus(String id, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Object> auction = auctions.get(id, null);
            if (status.equals(auction.get("status")) || Instant.now().isAfter(deadline)) {
                assertThat(auction).containsEntry("status", status);
                return auction;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
