package live.blytz.auctions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Catalog products and auctions made through the real endpoints, for the auctions' HTTP tests. */
public final class AuctionHttp {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final RestTestClient http;
    private final TestAccounts accounts;
    private @Nullable String categoryId;

    public AuctionHttp(RestTestClient http) {
        this.http = http;
        this.accounts = new TestAccounts(http);
    }

    String category() {
        if (categoryId == null) {
            categoryId = newCategory(null);
        }
        return categoryId;
    }

    /** A new category (the admin's), under {@code parentId} or at the root; its id. */
    String newCategory(@Nullable String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Auctions " + UUID.randomUUID());
        if (parentId != null) {
            body.put("parent_id", parentId);
        }
        Map<String, Object> created = http.post().uri("/api/v1/categories")
                .header(HttpHeaders.AUTHORIZATION, accounts.admin().bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isCreated().returnResult(JSON).getResponseBody();
        return (String) ((Map<?, ?>) created.get("category")).get("id");
    }

    /** Files the products it makes from now on under {@code id}. */
    void useCategory(String id) {
        categoryId = id;
    }

    /** A draft product of {@code seller} with these prices (reserve and buy-now may be null). */
    String draft(Account seller, String starting, @Nullable String reserve, @Nullable String buyNow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category_id", category());
        body.put("title", "Auctioned lamp");
        body.put("condition", "good");
        body.put("starting_price", new BigDecimal(starting));
        if (reserve != null) {
            body.put("reserve_price", new BigDecimal(reserve));
        }
        if (buyNow != null) {
            body.put("buy_now_price", new BigDecimal(buyNow));
        }
        Map<String, Object> created = http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().returnResult(JSON).getResponseBody();
        return (String) ((Map<?, ?>) created.get("product")).get("id");
    }

    /** An active product of {@code seller}. */
    String product(Account seller, String starting, @Nullable String reserve, @Nullable String buyNow) {
        String id = draft(seller, starting, reserve, buyNow);
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "active"))
                .exchange().expectStatus().isOk();
        return id;
    }

    RestTestClient.ResponseSpec open(Account account, Map<String, Object> body) {
        return http.post().uri("/api/v1/auctions").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** A running auction of the product, ending after {@code duration}; its body's {@code auction}. */
    Map<String, Object> opened(Account seller, String productId, String duration) {
        Map<String, Object> created = open(seller, Map.of("product_id", productId, "duration", duration))
                .expectStatus().isCreated().returnResult(JSON).getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> auction = (Map<String, Object>) created.get("auction");
        return auction;
    }

    /** A running auction of a new product of {@code seller}; its id. */
    public String auction(Account seller, String starting, @Nullable String reserve, @Nullable String buyNow, String duration) {
        return (String) opened(seller, product(seller, starting, reserve, buyNow), duration).get("id");
    }

    public RestTestClient.ResponseSpec bid(Account bidder, String auctionId, String amount, @Nullable String max, String key) {
        return bidFrom(addressOf(bidder), bidder, auctionId, amount, max, key);
    }

    /** A bid sent from client {@code address} (named in X-Forwarded-For: loopback is a trusted proxy in tests). */
    public RestTestClient.ResponseSpec bidFrom(String address, Account bidder, String auctionId, String amount,
            @Nullable String max, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal(amount));
        if (max != null) {
            body.put("max_amount", new BigDecimal(max));
        }
        return http.post().uri("/api/v1/auctions/{id}/bids", auctionId).header(HttpHeaders.AUTHORIZATION, bidder.bearer())
                .header("X-Forwarded-For", address)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /**
     * Each bidder bids from an address of its own, so that the per-address bid limit (45 per 10 minutes in the test
     * profile) counts one test's bids apart from the others'.
     */
    public static String addressOf(Account bidder) {
        long bits = bidder.id().value().getLeastSignificantBits();
        return "10." + (bits >>> 16 & 255) + "." + (bits >>> 8 & 255) + "." + (bits & 255);
    }

    public RestTestClient.ResponseSpec bid(Account bidder, String auctionId, String amount, @Nullable String max) {
        return bid(bidder, auctionId, amount, max, UUID.randomUUID().toString());
    }

    /** The auction as {@code viewer} (null: anonymous) sees it. */
    public Map<String, Object> get(String auctionId, @Nullable Account viewer) {
        RestTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/v1/auctions/{id}", auctionId);
        if (viewer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, viewer.bearer());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> auction = (Map<String, Object>) request.exchange().expectStatus().isOk()
                .returnResult(JSON).getResponseBody().get("auction");
        return auction;
    }

    public Map<String, Object> productOf(String productId, Account viewer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> product = (Map<String, Object>) http.get().uri("/api/v1/products/{id}", productId)
                .header(HttpHeaders.AUTHORIZATION, viewer.bearer()).exchange().expectStatus().isOk()
                .returnResult(JSON).getResponseBody().get("product");
        return product;
    }
}
