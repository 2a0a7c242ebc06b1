package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code Accept} and the route decide: a body is {@code application/json}, an error is always a problem with
 * a request id, a 204 ignores {@code Accept}, and a route that does not exist is a 404 for everyone.
 */
@BlytzIntegrationTest
class ContentNegotiationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    RestTestClient http;

    // --- 204: no body, nothing to negotiate ---

    @Test
    void deletingACategoryOrAProductIgnoresAccept() {
        TestAccounts accounts = new TestAccounts(http);
        String admin = accounts.admin().bearer();
        String categoryId = created(http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Accept " + UUID.randomUUID()))
                .exchange(), "category");
        TestAccounts.Account seller = accounts.register(Role.SELLER);
        String productId = created(http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("category_id", categoryId, "title", "Lamp", "condition", "good", "starting_price", 10))
                .exchange(), "product");

        http.delete().uri("/api/v1/products/{id}", productId).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.ACCEPT, PROBLEM_JSON)
                .exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/v1/products/{id}", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, seller.bearer())
                .header(HttpHeaders.ACCEPT, PROBLEM_JSON)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM_JSON);
        // The product keeps the category in use; a new one can go.
        String emptyCategory = created(http.post().uri("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Accept " + UUID.randomUUID()))
                .exchange(), "category");
        http.delete().uri("/api/v1/categories/{id}", emptyCategory).header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT, "text/html")
                .exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void loggingOutIgnoresAccept() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .header(HttpHeaders.ACCEPT, PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("refresh_token", buyer.refreshToken()))
                .exchange()
                .expectStatus().isNoContent();
    }

    // --- bodies are application/json; a client that accepts none of it gets a 406 problem ---

    @Test
    void aResourceIsNeverLabelledAsAProblem() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .header(HttpHeaders.ACCEPT, PROBLEM_JSON)
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.request_id").isNotEmpty();
        http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .header(HttpHeaders.ACCEPT, "application/*+json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products", "/api/v1/categories", "/.well-known/jwks.json"})
    void anHtmlOnlyClientGetsA406Problem(String path) {
        http.get().uri(path).header(HttpHeaders.ACCEPT, "text/html")
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/not-acceptable")
                .jsonPath("$.request_id").isNotEmpty();
    }

    @Test
    void errorsArriveAsProblemsWhateverTheClientAccepts() {
        for (String accept : List.of("text/html", "application/xml", PROBLEM_JSON, "*/*")) {
            http.get().uri("/api/v1/no-such-route").header(HttpHeaders.ACCEPT, accept)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(PROBLEM_JSON)
                    .expectHeader().exists(RequestIds.HEADER)
                    .expectBody().jsonPath("$.request_id").isNotEmpty();
            http.get().uri("/api/v1/users/me").header(HttpHeaders.ACCEPT, accept)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(PROBLEM_JSON);
            http.get().uri("/test/probe/open/boom").header(HttpHeaders.ACCEPT, accept)
                    .exchange()
                    .expectStatus().isEqualTo(500)
                    .expectHeader().contentType(PROBLEM_JSON);
        }
    }

    @Test
    void wrongMethodAndWrongMediaTypeAreProblemsWithARequestId() {
        String seller = new TestAccounts(http).register(Role.SELLER).bearer();
        http.put().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller)
                .header(RequestIds.HEADER, "negotiation-405")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().exists(HttpHeaders.ALLOW)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.request_id").isEqualTo("negotiation-405");
        http.post().uri("/api/v1/products").header(HttpHeaders.AUTHORIZATION, seller)
                .header(RequestIds.HEADER, "negotiation-415")
                .contentType(MediaType.TEXT_PLAIN).body("title=Lamp")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.request_id").isEqualTo("negotiation-415");
    }

    // --- routes that do not exist: 404 for everyone ---

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/no-such-resource", "/api/v1/auth/no-such-route", "/api/v1/admin/users/a/b/c",
            "/api/v1/users/me/no-such-thing", "/actuator/no-such-endpoint", "/no-such-path", "/"})
    void anUnknownRouteIsA404ProblemForAnAnonymousCaller(String path) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE)) {
            http.method(method).uri(path)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/not-found")
                    .jsonPath("$.request_id").isNotEmpty();
        }
    }

    @Test
    void everyProtectedRouteStillRefusesAnAnonymousCaller() {
        JsonNode paths = JsonMapper.builder().build().readTree(http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).path("paths");
        List<String> checked = new ArrayList<>();
        paths.propertyStream().forEach(path -> path.getValue().propertyStream().forEach(operation -> {
            boolean bearer = operation.getValue().path("security").valueStream()
                    .anyMatch(requirement -> requirement.has("bearer"));
            if (!bearer) {
                return;
            }
            String uri = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(java.util.Locale.ROOT));
            http.method(method).uri(uri)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            checked.add(method + " " + path.getKey());
        }));
        assertThat(checked).hasSizeGreaterThan(15).contains("GET /api/v1/users/me", "GET /api/v1/admin/users",
                "DELETE /api/v1/categories/{id}", "POST /api/v1/auth/logout");
        http.get().uri("/actuator/modulith").exchange().expectStatus().isUnauthorized();
        http.get().uri("/test/probe/admin").exchange().expectStatus().isUnauthorized();
    }

    private static String created(RestTestClient.ResponseSpec response, String resource) {
        JsonNode body = JsonMapper.builder().build().readTree(response.expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        return body.path(resource).path("id").asString();
    }
}
