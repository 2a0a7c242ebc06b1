package live.blytz.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The write side over HTTP with real tokens: who may do what (BFLA), whose product it is (BOLA), server-owned
 * fields refused (mass assignment), and public reads that never outlive a change (cache eviction).
 */
@BlytzIntegrationTest
class CatalogHttpTests {

    @Autowired
    RestTestClient http;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    live.blytz.sharedkernel.paging.CursorCodec cursors;

    TestAccounts accounts;
    Account seller;
    Account otherSeller;
    Account buyer;
    Account admin;
    String categoryId;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(http);
        seller = accounts.register(Role.SELLER);
        otherSeller = accounts.register(Role.SELLER);
        buyer = accounts.register(Role.BUYER);
        admin = accounts.admin();
        categoryId = (String) category(Map.of("name", "Http " + System.nanoTime())).get("id");
    }

    @Test
    void onlyAdminsWriteCategoriesAndOnlySellersAndAdminsCreateProducts() {
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON).body(product())
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(product())
                .exchange().expectStatus().isForbidden();
        for (Account notAdmin : new Account[] {buyer, seller}) {
            http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, notAdmin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Nope"))
                    .exchange().expectStatus().isForbidden();
            http.patch().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, notAdmin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Nope"))
                    .exchange().expectStatus().isForbidden();
            http.delete().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, notAdmin.bearer())
                    .exchange().expectStatus().isForbidden();
        }
        String id = create(seller);
        http.put().uri("/api/v1/products/{id}/featured", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("featured", true))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/products/mine").exchange().expectStatus().isUnauthorized();

        publish(seller, id);
        http.put().uri("/api/v1/products/{id}/featured", id).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("featured", true))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.product.featured").isEqualTo(true);
        http.get().uri("/api/v1/products?featured=true&seller_id={s}", seller.id().value()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(id);
    }

    @Test
    void aProductIsCreatedAsADraftOfTheCaller() {
        http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(product())
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody()
                .jsonPath("$.product.status").isEqualTo("draft")
                .jsonPath("$.product.seller.id").isEqualTo(seller.id().value().toString())
                .jsonPath("$.product.reserve_price").isEqualTo(15.00)
                .jsonPath("$.product.currency").isEqualTo("EUR")
                .jsonPath("$.product.view_count").isEqualTo(0)
                .jsonPath("$.product.version").isEqualTo(0);
    }

    @Test
    void serverOwnedFieldsAreRefusedByName() {
        for (String field : new String[] {"seller_id", "status", "view_count", "featured", "id", "version", "created_at"}) {
            Map<String, Object> body = product();
            body.put(field, "draft".equals(field) ? "x" : field.equals("featured") ? (Object) true : "1");
            http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
        String id = create(seller);
        for (String field : new String[] {"seller_id", "view_count", "featured"}) {
            http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of(field, field.equals("featured") ? true : 5))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        }
        http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "X", "version", 3))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
    }

    @Test
    void anotherSellerCannotSeeEditOrDeleteADraftAndCannotTouchAPublicProduct() {
        String id = create(seller);
        http.get().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, otherSeller.bearer())
                .exchange().expectStatus().isNotFound();
        patchTitle(otherSeller, id).expectStatus().isNotFound();
        http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, otherSeller.bearer())
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, otherSeller.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
        http.get().uri("/api/v1/products/mine").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(id);

        publish(seller, id);
        patchTitle(otherSeller, id).expectStatus().isForbidden();
        http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, otherSeller.bearer())
                .exchange().expectStatus().isForbidden();
        patchTitle(seller, id).expectStatus().isOk();
        patchTitle(admin, id).expectStatus().isOk();
    }

    @Test
    void publicReadsNeverOutliveAChange() {
        String id = create(seller);
        publish(seller, id);
        http.get().uri("/api/v1/products/{id}", id).exchange() // fills the cache
                .expectStatus().isOk().expectBody()
                .jsonPath("$.product.title").isEqualTo("Vintage lamp")
                .jsonPath("$.product.reserve_price").isEmpty();

        patchTitle(seller, id).expectStatus().isOk();
        http.get().uri("/api/v1/products/{id}", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.product.title").isEqualTo("Renamed lamp");

        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "draft"))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.product.reserve_price").isEqualTo(15.00);

        publish(seller, id);
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void rulesAreEnforcedOverHttpWithTheRightStatus() {
        Map<String, Object> bad = product();
        bad.put("starting_price", 0);
        bad.put("buy_now_price", -1);
        bad.put("images", java.util.List.of("ftp://nope"));
        http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(bad)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> org.assertj.core.api.Assertions.assertThat((java.util.List<Object>) fields)
                        .containsExactlyInAnyOrder((Object) "starting_price", "buy_now_price", "images[0]"));

        String id = create(seller);
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "sold"))
                .exchange().expectStatus().isEqualTo(409);
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Stale edit"))
                .exchange().expectStatus().isEqualTo(409);
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reserve_price", 9))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reserve_price");
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("reserve_price", null);
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(clear)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.product.reserve_price").isEmpty();
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("specifications", "not an object"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("specifications");
        http.delete().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aTitleIsMeasuredWithoutItsPaddingOnCreateAndPatch() {
        Map<String, Object> padded = product();
        padded.put("title", "  ab");
        expectFieldError(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(padded).exchange(), "title");

        String id = create(seller);
        expectFieldError(patch(seller, id, Map.of("title", " ab  ")), "title");
        patch(seller, id, Map.of("title", "  abc  ")).expectStatus().isOk()
                .expectBody().jsonPath("$.product.title").isEqualTo("abc");
    }

    @Test
    void aNulCharacterIsA400NamingTheFieldNeverA500() {
        String nul = "a\u0000b";
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("title", "Lamp " + nul);
        expected.put("description", nul);
        expected.put("specifications", Map.of("material", nul));
        expected.put("shipping_info", Map.of(nul, 1));
        expected.put("images", java.util.List.of("https://img.example/" + nul));
        expected.put("video_url", "https://video.example/" + nul);
        expected.forEach((field, value) -> {
            Map<String, Object> body = product();
            body.put(field, value);
            String named = field.equals("images") ? "images[0]" : field;
            expectFieldError(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(body).exchange(), named);
        });
        String id = create(seller);
        expected.forEach((field, value) ->
                expectFieldError(patch(seller, id, Map.of(field, value)), field.equals("images") ? "images[0]" : field));

        expectFieldError(http.get().uri("/api/v1/products?q={q}", "\u0000").exchange(), "q");
        expectFieldError(http.get().uri("/api/v1/products?q={q}", "lamp\u0000").exchange(), "q");
        expectFieldError(http.get().uri("/api/v1/products?sort=title&cursor={c}",
                cursor("title", "Lamp x\u0000", java.util.UUID.randomUUID().toString())).exchange(), "cursor");

        for (String field : new String[] {"name", "description", "image_url"}) {
            String value = field.equals("image_url") ? "https://img.example/" + nul : nul;
            expectFieldError(http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(field.equals("name") ? Map.of("name", value) : Map.of("name", "Nul", field, value))
                    .exchange(), field);
            expectFieldError(http.patch().uri("/api/v1/categories/{id}", categoryId)
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of(field, value)).exchange(), field);
        }
        http.get().uri("/api/v1/categories/{slug}", "x\u0000y").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void priceFiltersOutsideWhatAPriceCanBeAreA400() {
        expectFieldError(http.get().uri("/api/v1/products?min_price=1e200000").exchange(), "min_price");
        expectFieldError(http.get().uri("/api/v1/products?max_price=10000000000").exchange(), "max_price");
        expectFieldError(http.get().uri("/api/v1/products?max_price=1.001").exchange(), "max_price");
        http.get().uri("/api/v1/products?min_price=9999999999.99&max_price=1.500").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("max_price");
        http.get().uri("/api/v1/products?min_price=0.50&max_price=9999999999.99").exchange().expectStatus().isOk();
        expectFieldError(http.get().uri("/api/v1/products?sort=price&cursor={c}",
                cursor("price", "1e200000", java.util.UUID.randomUUID().toString())).exchange(), "cursor");
    }

    @Test
    void moneyWithAHugeExponentIsAQuick400NamingTheField() {
        String id = create(seller);
        for (String amount : new String[] {"1E-999999999", "1e-2147483647", "1E+999999999", "1E-20000000"}) {
            for (String field : new String[] {"starting_price", "reserve_price", "buy_now_price"}) {
                String json = "{\"category_id\": \"" + categoryId + "\", \"title\": \"Vintage lamp\", "
                        + "\"condition\": \"good\", \"starting_price\": 10.00, \"" + field + "\": " + amount + "}";
                long started = System.nanoTime();
                expectFieldError(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                        .contentType(MediaType.APPLICATION_JSON).body(json).exchange(), field);
                expectFieldError(http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                        .contentType(MediaType.APPLICATION_JSON).body("{\"" + field + "\": " + amount + "}").exchange(), field);
                org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000)
                        .as(field + " = " + amount + ", milliseconds").isLessThan(2_000);
            }
        }
    }

    @Test
    void numbersInFreeFormObjectsAreKeptExactAndBounded() {
        for (String number : new String[] {"1e999999", "-1e999999", "1e-999999", "1" + "0".repeat(400)}) {
            String json = "{\"category_id\": \"" + categoryId + "\", \"title\": \"Vintage lamp\", \"condition\": "
                    + "\"good\", \"starting_price\": 10, \"specifications\": {\"weight\": " + number + "}}";
            expectFieldError(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(json).exchange(), "specifications");
        }
        String id = create(seller);
        expectFieldError(patch(seller, id, Map.of("shipping_info", Map.of("days", new java.math.BigDecimal("1e-301")))),
                "shipping_info");
        patch(seller, id, Map.of("specifications", Map.of("weight_kg", new java.math.BigDecimal("0.1"),
                        "tiny", new java.math.BigDecimal("1e-300"), "count", 12)))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.product.specifications.weight_kg").isEqualTo(0.1)
                .jsonPath("$.product.specifications.count").isEqualTo(12);
    }

    @Test
    void anIntegerFieldThatOverflowsIsA400NamingTheField() {
        expectFieldError(http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Big\", \"sort_order\": 99999999999}")
                .exchange(), "sort_order");
        String id = create(seller);
        expectFieldError(http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"title\": \"Lamp\", \"version\": 99999999999999999999}")
                .exchange(), "version");
    }

    @Test
    void aClientValueIsNeverEchoedUnbounded() {
        String slug = "no-such-category-" + "x".repeat(3_000);
        http.get().uri("/api/v1/categories/{slug}", slug).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("Category no-such-category-xxx").hasSizeLessThan(150));
    }

    @Test
    void aRenamedCategoryShowsInCachedProductDetailsAtOnce() {
        // Written directly: no product event, so no invalidation hold keeps the first read from filling the cache.
        java.util.UUID id = new CatalogRows(jdbc).product(seller.id().value(), java.util.UUID.fromString(categoryId))
                .insert();
        http.get().uri("/api/v1/products/{id}", id).exchange() // fills the cache
                .expectStatus().isOk().expectBody().jsonPath("$.product.category.id").isEqualTo(categoryId);
        jdbc.update("UPDATE catalog.products SET title = 'Changed behind the cache' WHERE id = ?", id);
        http.get().uri("/api/v1/products/{id}", id).exchange() // proves the next read is the cached copy
                .expectStatus().isOk().expectBody().jsonPath("$.product.title").value(title ->
                        org.assertj.core.api.Assertions.assertThat(title).isNotEqualTo("Changed behind the cache"));

        String name = "Renamed " + System.nanoTime();
        String slug = "renamed-" + System.nanoTime();
        http.patch().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name, "slug", slug))
                .exchange().expectStatus().isOk();

        http.get().uri("/api/v1/products/{id}", id).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.product.category.name").isEqualTo(name)
                .jsonPath("$.product.category.slug").isEqualTo(slug);
    }

    @Test
    void aProductCannotBeFiledUnderAnInactiveCategory() {
        String inactive = (String) category(Map.of("name", "Inactive " + System.nanoTime(), "is_active", false)).get("id");
        Map<String, Object> body = product();
        body.put("category_id", inactive);
        expectFieldError(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange(), "category_id");

        String id = create(seller);
        expectFieldError(patch(seller, id, Map.of("category_id", inactive)), "category_id");
        patch(seller, id, Map.of("category_id", categoryId, "title", "Same category")).expectStatus().isOk();

        // A product already in a category that is deactivated later may still be edited there.
        http.patch().uri("/api/v1/categories/{id}", categoryId).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("is_active", false))
                .exchange().expectStatus().isOk();
        patch(seller, id, Map.of("category_id", categoryId, "title", "Still here")).expectStatus().isOk();
    }

    @Test
    void ifMatchAcceptsOnlyAnEntityTagOfTheVersion() {
        String id = create(seller);
        for (String malformed : new String[] {"\"0", "0\"", "0", "W/0", "\"0\"x", "\"\"", "\"-1\"", "*",
                "\"99999999999999999999\""}) {
            http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .header(HttpHeaders.IF_MATCH, malformed)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Tagged lamp"))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
            http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                    .header(HttpHeaders.IF_MATCH, malformed)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        }
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Tagged lamp"))
                .exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "W/\"1\"")
                .exchange().expectStatus().isNoContent();
    }

    /** Signed with the application's own key: these cursors are refused for their values, not their signature. */
    private String cursor(String... values) {
        return cursors.encode(live.blytz.sharedkernel.paging.Cursor.of(values));
    }

    private static void expectFieldError(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field")
                .value(fields -> org.assertj.core.api.Assertions.assertThat((java.util.List<Object>) fields)
                        .containsExactly(field));
    }

    private RestTestClient.ResponseSpec patch(Account account, String id, Map<String, Object> body) {
        return http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private Map<String, Object> product() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category_id", categoryId);
        body.put("title", "Vintage lamp");
        body.put("description", "Brass, 1960s");
        body.put("condition", "good");
        body.put("starting_price", 10.00);
        body.put("reserve_price", 15.00);
        body.put("images", java.util.List.of("https://img.example/lamp.jpg"));
        body.put("specifications", Map.of("material", "brass"));
        return body;
    }

    private String create(Account account) {
        Map<String, Map<String, Object>> created = http.post().uri("/api/v1/products")
                .header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(product())
                .exchange().expectStatus().isCreated()
                .returnResult(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .getResponseBody();
        return (String) created.get("product").get("id");
    }

    private void publish(Account account, String id) {
        http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "active"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.product.status").isEqualTo("active");
    }

    private RestTestClient.ResponseSpec patchTitle(Account account, String id) {
        return http.patch().uri("/api/v1/products/{id}", id).header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Renamed lamp"))
                .exchange();
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
}
