package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A request's problems come back together in one 400, whichever layer finds them: the body's Bean Validation
 * constraints, the domain's rules (e-mail shape, password policy, URLs, price relations) and lookups (category
 * exists), so a client fixes everything in one round instead of discovering one layer per attempt.
 */
@BlytzIntegrationTest
class AllFieldsAtOnceHttpTests {

    @Autowired
    RestTestClient http;

    Account admin;
    Account seller;
    String categoryId;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(http);
        admin = accounts.admin();
        seller = accounts.register(Role.SELLER);
        categoryId = (String) http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "All at once " + UUID.randomUUID()))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get("category").get("id");
    }

    @Test
    void aRegistrationWithABadEmailAndABadPasswordNamesBoth() {
        assertThat(InvalidFields.of(register(Map.of("email", "not-an-email", "password", "short"))))
                .containsOnlyKeys("email", "password");
    }

    @Test
    void aRegistrationFailingBeanValidationAndDomainRulesNamesEveryField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "");                      // Bean Validation: blank
        body.put("password", "password");           // password policy: too common
        body.put("first_name", "<b>Ada</b>");       // registration rules: markup
        body.put("last_name", "x".repeat(201));     // Bean Validation: too long
        body.put("phone", "12");                    // Bean Validation: not a phone number
        body.put("role", "admin");                  // Bean Validation: not buyer or seller
        assertThat(InvalidFields.of(register(body)))
                .containsOnlyKeys("email", "password", "first_name", "last_name", "phone", "role");
    }

    @Test
    void aProductCreateNamesEveryFailingFieldOfEveryLayer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category_id", UUID.randomUUID().toString());           // lookup: no such category
        body.put("title", "ab");                                          // Bean Validation: too short
        body.put("description", "x".repeat(10_001));                    // Bean Validation: too long
        body.put("condition", "good");
        body.put("starting_price", 0);                                    // price rules: not positive
        body.put("images", List.of("ftp://img.example/a.jpg"));          // URL rules: not http(s)
        body.put("video_url", "javascript:alert(1)");                    // URL rules: not http(s)
        assertThat(InvalidFields.of(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()))
                .containsOnlyKeys("category_id", "title", "description", "starting_price", "images[0]", "video_url");

        body.put("title", "A fine lamp");
        body.remove("description");
        body.put("currency", "XYZ");                                      // currency rules: not ISO 4217
        body.put("reserve_price", 5);
        body.put("buy_now_price", 1);
        body.put("starting_price", 10);
        // Prices are checked in their currency: with an unknown one, only the currency is named for them.
        assertThat(InvalidFields.of(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()))
                .containsOnlyKeys("category_id", "currency", "images[0]", "video_url");
        body.remove("currency");
        assertThat(InvalidFields.of(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()))
                .containsOnlyKeys("category_id", "reserve_price", "buy_now_price", "images[0]", "video_url");
    }

    @Test
    void aProductChangeNamesEveryFailingField() {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("category_id", categoryId);
        product.put("title", "A fine lamp");
        product.put("condition", "good");
        product.put("starting_price", 10);
        String id = (String) http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(product).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get("product").get("id");

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("title", "ab");                                        // Bean Validation
        change.put("currency", "eur");                                    // Bean Validation
        change.put("images", List.of("ftp://img.example/a.jpg"));        // URL rules
        change.put("video_url", "nope");                                  // URL rules
        assertThat(InvalidFields.of(http.patch().uri("/api/v1/products/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(change).exchange()))
                .containsOnlyKeys("title", "currency", "images[0]", "video_url");

        change = Map.of("category_id", UUID.randomUUID().toString(), "buy_now_price", 5, "video_url", "nope");
        assertThat(InvalidFields.of(http.patch().uri("/api/v1/products/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(change).exchange()))
                .containsOnlyKeys("category_id", "buy_now_price", "video_url");
    }

    @Test
    void aCategoryCreateOrChangeNamesEveryFailingField() {
        Map<String, Object> body = Map.of("name", "x".repeat(101), "slug", "Not A Slug",
                "parent_id", UUID.randomUUID().toString(), "image_url", "ftp://img.example/a.jpg");
        assertThat(InvalidFields.of(http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()))
                .containsOnlyKeys("name", "slug", "parent_id", "image_url");
        assertThat(InvalidFields.of(http.patch().uri("/api/v1/categories/{id}", categoryId)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()))
                .containsOnlyKeys("name", "slug", "parent_id", "image_url");
    }

    @Test
    void aProfileEditNamesABadVersionTogetherWithBadFields() {
        assertThat(InvalidFields.of(http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.IF_MATCH, "3")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", "12345", "avatar_url", "javascript:alert(1)", "version", -1))
                .exchange()))
                .containsOnlyKeys("If-Match", "version", "phone", "avatar_url");
    }

    private RestTestClient.ResponseSpec register(Map<String, Object> body) {
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
