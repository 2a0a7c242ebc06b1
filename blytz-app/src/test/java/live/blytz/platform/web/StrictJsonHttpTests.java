package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Request bodies are read strictly: a value in another JSON type than the field's is never converted, an enum code
 * is exact, null is refused where it means nothing, a key may appear once. Each is a 400 naming the field.
 */
@BlytzIntegrationTest
class StrictJsonHttpTests {

    private static final String CONDITIONS = "must be one of [new, like_new, good, fair, poor]";

    @Autowired
    RestTestClient http;

    Account admin;
    Account seller;
    String categoryId;
    String productId;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(http);
        admin = accounts.admin();
        seller = accounts.register(Role.SELLER);
        categoryId = (String) created(post("/api/v1/categories", admin, "{\"name\": \"Strict " + UUID.randomUUID() + "\"}"),
                "category").get("id");
        productId = (String) created(post("/api/v1/products", seller, product("\"title\": \"Strict lamp\"")),
                "product").get("id");
    }

    @Test
    void aNumberOrBooleanIsNotAString() {
        assertThat(InvalidFields.of(register("{\"email\": 5, \"password\": \"a long enough passphrase\"}")))
                .containsExactly(Map.entry("email", "must be a string"));
        assertThat(InvalidFields.of(register("{\"email\": \"x@blytz.test\", \"password\": true}")))
                .containsExactly(Map.entry("password", "must be a string"));
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"title\": 12345"))))
                .containsExactly(Map.entry("title", "must be a string"));
        assertThat(InvalidFields.of(patch("/api/v1/users/me", seller, "{\"first_name\": 1.5}")))
                .containsExactly(Map.entry("first_name", "must be a string"));
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"images\": [1]"))))
                .containsExactly(Map.entry("images[0]", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "1.5", "1.0", "1e1", "\"\"", "true"})
    void onlyAJsonIntegerIsAnInteger(String value) {
        assertThat(InvalidFields.of(patch("/api/v1/categories/" + categoryId, admin, "{\"sort_order\": " + value + "}")))
                .containsExactly(Map.entry("sort_order", "must be an integer"));
        assertThat(InvalidFields.of(patch("/api/v1/products/" + productId, seller, "{\"version\": " + value + "}")))
                .containsExactly(Map.entry("version", "must be an integer"));
    }

    @Test
    void onlyAJsonNumberIsAPriceAndOnlyTrueOrFalseABoolean() {
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"starting_price\": \"10.00\""))))
                .containsExactly(Map.entry("starting_price", "must be a number"));
        for (String value : new String[] {"\"true\"", "1", "0", "\"yes\""}) {
            assertThat(InvalidFields.of(patch("/api/v1/categories/" + categoryId, admin, "{\"is_active\": " + value + "}")))
                    .containsExactly(Map.entry("is_active", "must be true or false"));
            assertThat(InvalidFields.of(http.put().uri("/api/v1/products/{id}/featured", productId)
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"featured\": " + value + "}").exchange()))
                    .containsExactly(Map.entry("featured", "must be true or false"));
        }
        post("/api/v1/products", seller, product("\"starting_price\": 10")).expectStatus().isCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"GOOD\"", "\"Good\"", "\" good\"", "2", "\"2\"", "\"\""})
    void anEnumCodeIsExactAndLowerCase(String value) {
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"condition\": " + value))))
                .containsExactly(Map.entry("condition", CONDITIONS));
    }

    @Test
    void aStatusMoveIsSpelledExactlyToo() {
        for (String value : new String[] {"ACTIVE", "Active"}) {
            assertThat(InvalidFields.of(patch("/api/v1/products/" + productId, seller, "{\"status\": \"" + value + "\"}")))
                    .containsExactly(Map.entry("status", "must be one of [draft, active, sold, archived]"));
        }
        patch("/api/v1/products/" + productId, seller, "{\"status\": \"active\"}").expectStatus().isOk();
    }

    @Test
    void nullIsRefusedWhereItMeansNothingAndClearsWhereTheApiSaysSo() {
        for (String field : new String[] {"title", "description", "condition", "category_id", "starting_price",
                "images", "specifications", "status", "version"}) {
            assertThat(InvalidFields.of(patch("/api/v1/products/" + productId, seller, "{\"" + field + "\": null}")))
                    .as(field).containsExactly(Map.entry(field, "must not be null"));
        }
        for (String field : new String[] {"name", "slug", "sort_order", "is_active", "version"}) {
            assertThat(InvalidFields.of(patch("/api/v1/categories/" + categoryId, admin, "{\"" + field + "\": null}")))
                    .as(field).containsExactly(Map.entry(field, "must not be null"));
        }
        assertThat(InvalidFields.of(patch("/api/v1/users/me", seller, "{\"version\": null}")))
                .containsExactly(Map.entry("version", "must not be null"));

        patch("/api/v1/products/" + productId, seller, "{\"reserve_price\": null, \"video_url\": null}")
                .expectStatus().isOk().expectBody().jsonPath("$.product.reserve_price").isEmpty();
        patch("/api/v1/categories/" + categoryId, admin, "{\"description\": null, \"parent_id\": null}")
                .expectStatus().isOk();
        patch("/api/v1/users/me", seller, "{\"bio\": null}").expectStatus().isOk();
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"title\": null"))))
                .containsOnlyKeys("title");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotOverwritten() {
        assertThat(InvalidFields.of(patch("/api/v1/products/" + productId, seller,
                "{\"title\": \"First title\", \"title\": \"Second title\"}")))
                .containsExactly(Map.entry("title", "is given more than once"));
        assertThat(InvalidFields.of(post("/api/v1/products", seller,
                product("\"specifications\": {\"colour\": \"red\", \"colour\": \"blue\"}"))))
                .containsOnlyKeys("specifications.colour");
        assertThat(InvalidFields.of(register("{\"email\": \"a@blytz.test\", \"email\": \"b@blytz.test\", "
                + "\"password\": \"a long enough passphrase\"}")))
                .containsExactly(Map.entry("email", "is given more than once"));
    }

    @Test
    void aSingleValueIsNotAnArrayAndNothingMayFollowTheDocument() {
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"images\": \"https://img.example/a.jpg\""))))
                .containsExactly(Map.entry("images", "must be an array"));
        assertThat(InvalidFields.of(post("/api/v1/products", seller, product("\"title\": [\"Array lamp\"]"))))
                .containsExactly(Map.entry("title", "must be a string"));
        patch("/api/v1/products/" + productId, seller, "{\"title\": \"One lamp\"} {\"title\": \"Two lamp\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/malformed-request");
    }

    @Test
    void aValueOfTheWrongTypeDoesNotHideTheOtherFailingFields() {
        assertThat(InvalidFields.of(register("{\"email\": \"bad\", \"password\": 5}")))
                .containsOnlyKeys("email", "password").containsEntry("password", "must be a string");
        assertThat(InvalidFields.of(post("/api/v1/products", seller,
                "{\"title\": \"x\", \"starting_price\": -1, \"condition\": \"bad\"}")))
                .containsKeys("title", "starting_price", "condition").containsEntry("condition", CONDITIONS);
    }

    @Test
    void everyValueOfTheWrongTypeIsNamed() {
        assertThat(InvalidFields.of(register("{\"email\": 5, \"password\": true}")))
                .containsOnly(Map.entry("email", "must be a string"), Map.entry("password", "must be a string"));
        assertThat(InvalidFields.of(post("/api/v1/products", seller,
                product("\"images\": [\"https://img.example/a.jpg\", 7, {}]").replace("10.00", "\"10.00\""))))
                .containsOnly(Map.entry("starting_price", "must be a number"), Map.entry("images[1]", "must be a string"),
                        Map.entry("images[2]", "must be a string"));
        assertThat(InvalidFields.of(patch("/api/v1/categories/" + categoryId, admin,
                "{\"sort_order\": \"7\", \"is_active\": 1}")))
                .containsOnly(Map.entry("sort_order", "must be an integer"), Map.entry("is_active", "must be true or false"));
        // A body its handler checks itself (no Bean Validation) is refused with all its mistyped values too.
        assertThat(InvalidFields.of(patch("/api/v1/users/me", seller, "{\"first_name\": 1, \"bio\": [true]}")))
                .containsOnly(Map.entry("first_name", "must be a string"), Map.entry("bio", "must be a string"));
    }

    @Test
    void aTypeErrorABeanValidationErrorAndADomainRuleErrorComeBackTogether() {
        // condition: not a code (type); title: too short (Bean Validation); starting_price: not positive (price rule).
        // The mistyped condition is named for its type only, not also as "must not be null".
        assertThat(InvalidFields.of(post("/api/v1/products", seller, "{\"category_id\": \"" + categoryId
                + "\", \"title\": \"ab\", \"condition\": \"bad\", \"starting_price\": 0}")))
                .containsOnlyKeys("condition", "title", "starting_price").containsEntry("condition", CONDITIONS);
    }

    private RestTestClient.ResponseSpec register(String body) {
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec post(String uri, Account account, String body) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec patch(String uri, Account account, String body) {
        return http.patch().uri(uri).header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** A valid product body with one field replaced (or added) by {@code field}, e.g. {@code "title": 5}. */
    private String product(String field) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("category_id", "\"" + categoryId + "\"");
        fields.put("title", "\"Vintage lamp\"");
        fields.put("condition", "\"good\"");
        fields.put("starting_price", "10.00");
        String name = field.substring(1, field.indexOf('"', 1));
        fields.put(name, field.substring(field.indexOf(':') + 1).strip());
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key)
                .append("\": ").append(value));
        return json.append('}').toString();
    }

    private static Map<String, Object> created(RestTestClient.ResponseSpec response, String name) {
        return response.expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get(name);
    }
}
