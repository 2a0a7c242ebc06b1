package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listing's promises now that hot pages are cached (ADR 0029): {@code total} exact up to the limit (50 in the test
 * profile) and flagged as an estimate beyond it, and a cached page that never outlives a change of any kind.
 */
@BlytzIntegrationTest
class CachedListingTests {

    private static final int EXACT_LIMIT = 50;

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    TestAccounts accounts;
    Account seller;
    String categoryId;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        categoryId = (String) category(Map.of("name", "Listed " + System.nanoTime())).get("id");
    }

    @Test
    void totalIsExactUpToTheLimitAndAFlaggedEstimateBeyondIt() {
        CatalogRows rows = new CatalogRows(jdbc);
        UUID exact = rows.seller("Exact Seller");
        UUID many = rows.seller("Busy Seller");
        UUID category = rows.category(null);
        for (int i = 0; i < EXACT_LIMIT; i++) {
            rows.product(exact, category).insert();
        }
        for (int i = 0; i < EXACT_LIMIT + 7; i++) {
            rows.product(many, category).insert();
        }

        assertThat(pagination(list("seller_id=" + exact + "&page_size=7")))
                .containsEntry("total", EXACT_LIMIT).containsEntry("total_exact", true)
                .containsEntry("total_pages", (EXACT_LIMIT + 6) / 7);
        Map<String, Object> beyond = pagination(list("seller_id=" + many + "&page_size=7"));
        assertThat(beyond).containsEntry("total_exact", false);
        int estimate = (Integer) beyond.get("total");
        assertThat(estimate).isGreaterThan(EXACT_LIMIT);
        assertThat(beyond).containsEntry("total_pages", (estimate + 6) / 7);
        // Cursor slices still carry no total at all.
        Map<String, Object> slice = pagination(list("seller_id=" + many + "&page_size=7&cursor="
                + beyond.get("next_cursor")));
        assertThat(slice).doesNotContainKeys("total", "total_exact", "total_pages", "page");
    }

    @Test
    void aCachedPageNeverOutlivesAChangeOfAnyKind() {
        String query = "seller_id=" + seller.id().value();
        assertThat(items(list(query))).isEmpty(); // cached, empty

        String id = create();
        assertThat(items(list(query))).as("a draft is not listed").isEmpty();
        publish(id);
        assertThat(ids(list(query))).as("published").containsExactly(id);

        // The page is served from the cache: a write behind the catalog's back does not show...
        jdbc.update("UPDATE catalog.products SET title = 'Changed behind the cache' WHERE id = ?::uuid", id);
        assertThat(items(list(query)).getFirst()).containsEntry("title", "Vintage lamp");
        // ...but every change through the catalog does, at once.
        patch(id, Map.of("starting_price", 12.50)).expectStatus().isOk();
        assertThat(items(list(query)).getFirst()).containsEntry("starting_price", 12.5);
        assertThat(ids(list(query + "&max_price=11"))).isEmpty();
        patch(id, Map.of("starting_price", 10.00)).expectStatus().isOk();
        assertThat(ids(list(query + "&max_price=11"))).containsExactly(id);

        patch(id, Map.of("status", "draft")).expectStatus().isOk();
        assertThat(items(list(query))).as("back to draft").isEmpty();
        assertThat(ids(list(query + "&max_price=11"))).isEmpty();
        publish(id);
        assertThat(ids(list(query))).containsExactly(id);

        String archived = create();
        publish(archived);
        assertThat(ids(list(query))).containsExactly(archived, id);
        // A page past the cached ones still takes its total from the cache (per filter): it follows changes too.
        assertThat(pagination(list(query + "&page=6&sort=price"))).containsEntry("total", 2);
        patch(archived, Map.of("status", "archived")).expectStatus().isOk();
        assertThat(ids(list(query))).as("archived").containsExactly(id);
        assertThat(pagination(list(query + "&page=6&sort=price"))).containsEntry("total", 1);

        String name = "Renamed " + System.nanoTime();
        http.patch().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, accounts.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name)).exchange().expectStatus().isOk();
        assertThat(items(list(query)).getFirst().get("category")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("name", name);

        publishEvent(new AccountSuspended(seller.id(), 1_000, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(items(list(query))).isEmpty());
        assertThat(ids(list(query + "&max_price=11"))).isEmpty();
        publishEvent(new AccountReactivated(seller.id(), 1_001, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ids(list(query))).containsExactly(id));

        http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isNoContent();
        assertThat(items(list(query))).as("deleted").isEmpty();
        assertThat(ids(list(query + "&max_price=11"))).isEmpty();
    }

    @Test
    void cachedCursorSlicesFollowChangesToo() {
        String first = create();
        String second = create();
        publish(first);
        publish(second);
        String query = "seller_id=" + seller.id().value() + "&page_size=1";
        String cursor = (String) pagination(list(query)).get("next_cursor");
        assertThat(ids(list(query + "&cursor=" + cursor))).containsExactly(first); // cached

        patch(first, Map.of("status", "archived")).expectStatus().isOk();
        assertThat(ids(list(query + "&cursor=" + cursor))).isEmpty();
    }

    private Map<String, Object> list(String query) {
        return http.get().uri("/api/v1/products?" + query).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("data");
    }

    private static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pagination(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pagination");
    }

    private String create() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category_id", categoryId);
        body.put("title", "Vintage lamp");
        body.put("condition", "good");
        body.put("starting_price", 10.00);
        Map<String, Map<String, Object>> created = http.post().uri("/api/v1/products")
                .header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .getResponseBody();
        return (String) created.get("product").get("id");
    }

    private void publish(String id) {
        patch(id, Map.of("status", "active")).expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec patch(String id, Map<String, Object> body) {
        return http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private Map<String, Object> category(Map<String, Object> body) {
        Map<String, Map<String, Object>> created = http.post().uri("/api/v1/categories")
                .header(HttpHeaders.AUTHORIZATION, accounts.admin().bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .getResponseBody();
        return created.get("category");
    }

    private void publishEvent(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
