package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The public listing: every filter and sort, descendant categories, full-text ranking, both kinds of paging. */
@BlytzIntegrationTest
class ProductBrowsingTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;

    CatalogRows rows;
    UUID seller;
    UUID category;

    @BeforeEach
    void setUp() {
        rows = new CatalogRows(jdbc);
        seller = rows.seller("Seller " + UUID.randomUUID());
        category = rows.category(null);
    }

    @Test
    void listsOnlyActiveUndeletedProductsWithTheSellersName() {
        UUID active = rows.product(seller, category).insert();
        rows.product(seller, category).status("draft").insert();
        rows.product(seller, category).status("sold").insert();
        rows.product(seller, category).status("archived").insert();
        rows.product(seller, category).deleted().insert();

        Map<String, Object> page = list("seller_id=" + seller);

        assertThat(ids(page)).containsExactly(active.toString());
        Map<String, Object> item = data(page).getFirst();
        assertThat(item).containsKeys("seller", "category", "starting_price", "currency", "images", "view_count")
                .doesNotContainKeys("reserve_price", "description", "specifications");
        assertThat(((Map<?, ?>) item.get("seller")).get("display_name")).asString().startsWith("Seller ");
    }

    @Test
    void categoryIncludesEverySubCategory() {
        UUID child = rows.category(category);
        UUID grandchild = rows.category(child);
        UUID elsewhere = rows.category(null);
        UUID inRoot = rows.product(seller, category).insert();
        UUID inChild = rows.product(seller, child).insert();
        UUID inGrandchild = rows.product(seller, grandchild).insert();
        rows.product(seller, elsewhere).insert();

        assertThat(ids(list("category_id=" + category)))
                .containsExactlyInAnyOrder(inRoot.toString(), inChild.toString(), inGrandchild.toString());
        assertThat(ids(list("category_id=" + child)))
                .containsExactlyInAnyOrder(inChild.toString(), inGrandchild.toString());
    }

    @Test
    void filtersByConditionPriceRangeAndFeatured() {
        UUID cheapNew = rows.product(seller, category).condition("new").price("5.00").insert();
        UUID midGood = rows.product(seller, category).condition("good").price("50.00").featured().insert();
        UUID dearNew = rows.product(seller, category).condition("new").price("500.00").insert();

        assertThat(ids(list("seller_id=" + seller + "&condition=new")))
                .containsExactlyInAnyOrder(cheapNew.toString(), dearNew.toString());
        assertThat(ids(list("seller_id=" + seller + "&min_price=5.00&max_price=50")))
                .containsExactlyInAnyOrder(cheapNew.toString(), midGood.toString());
        assertThat(ids(list("seller_id=" + seller + "&min_price=5.01")))
                .containsExactlyInAnyOrder(midGood.toString(), dearNew.toString());
        assertThat(ids(list("seller_id=" + seller + "&featured=true"))).containsExactly(midGood.toString());
        assertThat(ids(list("seller_id=" + seller + "&featured=false")))
                .containsExactlyInAnyOrder(cheapNew.toString(), dearNew.toString());
        assertThat(ids(list("category_id=" + category + "&condition=good&featured=true")))
                .containsExactly(midGood.toString());
    }

    @Test
    void sortsByEveryKeyInBothDirections() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID a = rows.product(seller, category).title("Apple").price("30.00").views(5).createdAt(now.minusSeconds(30)).insert();
        UUID b = rows.product(seller, category).title("Banana").price("10.00").views(50).createdAt(now.minusSeconds(20)).insert();
        UUID c = rows.product(seller, category).title("Cherry").price("20.00").views(0).createdAt(now.minusSeconds(10)).insert();
        String s = "seller_id=" + seller + "&sort=";

        assertThat(ids(list("seller_id=" + seller))).containsExactly(c.toString(), b.toString(), a.toString());
        assertThat(ids(list(s + "created_at"))).containsExactly(a.toString(), b.toString(), c.toString());
        assertThat(ids(list(s + "-created_at"))).containsExactly(c.toString(), b.toString(), a.toString());
        assertThat(ids(list(s + "price"))).containsExactly(b.toString(), c.toString(), a.toString());
        assertThat(ids(list(s + "-price"))).containsExactly(a.toString(), c.toString(), b.toString());
        assertThat(ids(list(s + "title"))).containsExactly(a.toString(), b.toString(), c.toString());
        assertThat(ids(list(s + "-title"))).containsExactly(c.toString(), b.toString(), a.toString());
        assertThat(ids(list(s + "view_count"))).containsExactly(c.toString(), a.toString(), b.toString());
        assertThat(ids(list(s + "-view_count"))).containsExactly(b.toString(), a.toString(), c.toString());
    }

    @Test
    void fullTextSearchRanksTitleMatchesAboveDescriptionMatches() {
        String word = CatalogRows.word();
        UUID inDescription = rows.product(seller, category).description("Comes with a " + word + " inside").insert();
        UUID inTitle = rows.product(seller, category).title("Vintage " + word + " lamp").insert();
        UUID inBoth = rows.product(seller, category).title(word + " deluxe").description(word + ", " + word).insert();
        rows.product(seller, category).title("Unrelated lamp").insert();

        assertThat(ids(list("q=" + word)))
                .containsExactly(inBoth.toString(), inTitle.toString(), inDescription.toString());
        assertThat(ids(list("q=" + word + "&sort=title")))
                .containsExactly(inDescription.toString(), inTitle.toString(), inBoth.toString());
        assertThat(ids(list("q=" + word + " -lamp")))
                .containsExactlyInAnyOrder(inBoth.toString(), inDescription.toString());
    }

    @Test
    void offsetPagesCarryTotalsAndCursorPagesStayStableAcrossInserts() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.addFirst(rows.product(seller, category).createdAt(now.minusSeconds(60 - i)).insert().toString());
        }

        Map<String, Object> first = list("seller_id=" + seller + "&page_size=2");
        assertThat(pagination(first)).containsEntry("page", 1).containsEntry("page_size", 2)
                .containsEntry("total", 5).containsEntry("total_pages", 3);
        assertThat(ids(list("seller_id=" + seller + "&page_size=2&page=3"))).containsExactly(expected.get(4));

        List<String> seen = new ArrayList<>(ids(first));
        rows.product(seller, category).createdAt(now).insert(); // newer than all: must not shift the cursor's pages
        String cursor = (String) pagination(first).get("next_cursor");
        while (cursor != null) {
            Map<String, Object> next = list("seller_id=" + seller + "&page_size=2&cursor=" + cursor);
            assertThat(pagination(next)).doesNotContainKeys("total", "page");
            seen.addAll(ids(next));
            cursor = (String) pagination(next).get("next_cursor");
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void cursorsWorkForEverySortIncludingRelevance() {
        String word = CatalogRows.word();
        for (int i = 0; i < 5; i++) {
            rows.product(seller, category).title(word + " item " + i).price((10 + i) + ".00")
                    .description(word.repeat(1)).views(i).insert();
        }
        for (String sort : List.of("price", "-price", "title", "-title", "view_count", "-view_count", "created_at", "")) {
            List<String> all = ids(list("seller_id=" + seller + "&q=" + word + "&sort=" + sort + "&page_size=100"));
            List<String> paged = new ArrayList<>();
            String query = "seller_id=" + seller + "&q=" + word + "&sort=" + sort + "&page_size=2";
            Map<String, Object> page = list(query);
            paged.addAll(ids(page));
            while (pagination(page).get("next_cursor") != null) {
                page = list(query + "&cursor=" + pagination(page).get("next_cursor"));
                paged.addAll(ids(page));
            }
            assertThat(paged).as(sort).hasSize(5).containsExactlyElementsOf(all);
        }
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        assertInvalid("sort=colour", "sort");
        assertInvalid("condition=mint", "condition");
        assertInvalid("page=0", "page");
        assertInvalid("page_size=101", "page_size");
        assertInvalid("min_price=-1", "min_price");
        assertInvalid("min_price=10&max_price=5", "max_price");
        assertInvalid("cursor=not-a-cursor", "cursor");
        assertInvalid("category_id=nope", "category_id");
        assertInvalid("page=1&cursor=abc", "cursor");
        Map<String, Object> first = list("sort=price&page_size=1");
        assertInvalid("sort=title&cursor=" + pagination(first).get("next_cursor"), "cursor");
    }

    private void assertInvalid(String query, String field) {
        http.get().uri("/api/v1/products?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    Map<String, Object> list(String query) {
        return http.get().uri("/api/v1/products?" + query).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> data(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("data");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pagination(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pagination");
    }

    static List<String> ids(Map<String, Object> page) {
        return data(page).stream().map(item -> (String) item.get("id")).toList();
    }
}
