package live.blytz.auctions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import live.blytz.TestAccounts.Account;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Shows made and run through the real endpoints, for the shows' HTTP tests. */
public final class ShowHttp {

    private final RestTestClient http;
    private final AuctionHttp auctions;

    public ShowHttp(RestTestClient http) {
        this.http = http;
        this.auctions = new AuctionHttp(http);
    }

    RestTestClient.ResponseSpec open(@Nullable Account account, Map<String, Object> body) {
        return with(account, http.post().uri("/api/v1/shows")).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }

    /** A scheduled show of {@code seller}, starting in an hour; its id. */
    public String show(Account seller) {
        return (String) body(open(seller, Map.of("title", "Friday lamps", "starts_at",
                Instant.now().plus(Duration.ofHours(1)).toString())).expectStatus().isCreated()).get("id");
    }

    RestTestClient.ResponseSpec addLot(@Nullable Account account, String showId, String productId) {
        return with(account, http.post().uri("/api/v1/shows/{id}/lots", showId)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("product_id", productId)).exchange();
    }

    /** A lot of a new active product of {@code seller} (starting at 10.00), added to the show; the lot's id. */
    public String lot(Account seller, String showId) {
        String product = auctions.product(seller, "10.00", null, null);
        List<Map<String, Object>> lots = lots(body(addLot(seller, showId, product).expectStatus().isCreated()));
        return (String) lots.getLast().get("id");
    }

    public RestTestClient.ResponseSpec start(@Nullable Account account, String showId, String lotId) {
        return with(account, http.post().uri("/api/v1/shows/{id}/lots/{lot}/start", showId, lotId)).exchange();
    }

    RestTestClient.ResponseSpec remove(@Nullable Account account, String showId, String lotId) {
        RestTestClient.RequestHeadersSpec<?> request = http.delete().uri("/api/v1/shows/{id}/lots/{lot}", showId, lotId);
        return (account == null ? request : request.header(HttpHeaders.AUTHORIZATION, account.bearer())).exchange();
    }

    RestTestClient.ResponseSpec reorder(@Nullable Account account, String showId, List<String> lotIds) {
        return with(account, http.put().uri("/api/v1/shows/{id}/lots/order", showId))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("lot_ids", lotIds)).exchange();
    }

    RestTestClient.ResponseSpec end(@Nullable Account account, String showId) {
        return with(account, http.post().uri("/api/v1/shows/{id}/end", showId)).exchange();
    }

    /** The show as anyone sees it. */
    Map<String, Object> get(String showId) {
        return body(http.get().uri("/api/v1/shows/{id}", showId).exchange().expectStatus().isOk());
    }

    /** The lot of the show, as GET /shows/{id} shows it. */
    public Map<String, Object> lotOf(String showId, String lotId) {
        return lots(get(showId)).stream().filter(lot -> lotId.equals(lot.get("id"))).findFirst().orElseThrow();
    }

    /** Waits until the lot's auction has ended (the closer ends it at its end time); the auction. */
    Map<String, Object> awaitAuctionEnded(String auctionId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Object> auction = auctions.get(auctionId, null);
            if ("ended".equals(auction.get("status")) || Instant.now().isAfter(deadline)) {
                return auction;
            }
            pause();
        }
    }

    /** Waits until the lot has left {@code running} (its auction ended and the show's log copied it); the lot. */
    Map<String, Object> awaitLotOver(String showId, String lotId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Object> lot = lotOf(showId, lotId);
            if (!"running".equals(lot.get("status")) || Instant.now().isAfter(deadline)) {
                return lot;
            }
            pause();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(RestTestClient.ResponseSpec response) {
        return (Map<String, Object>) response.returnResult(AuctionHttp.JSON).getResponseBody().get("show");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lots(Map<String, Object> show) {
        return (List<Map<String, Object>>) show.get("lots");
    }

    private static <S extends RestTestClient.RequestHeadersSpec<S>> S with(@Nullable Account account, S request) {
        return account == null ? request : request.header(HttpHeaders.AUTHORIZATION, account.bearer());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
