package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every kind of failure answers with an RFC 9457 problem through the real filter chain, never internals. */
@BlytzIntegrationTest
class ProblemDetailsTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    RestTestClient http;

    @Test
    void validationFailuresListEveryFailingFieldInSnakeCase() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"ab\", \"starting_price\": -1, \"contact_email\": \"not-an-email\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/validation-error")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.request_id").isNotEmpty()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'title')].message").exists()
                .jsonPath("$.errors[?(@.field == 'starting_price')].message").exists()
                .jsonPath("$.errors[?(@.field == 'contact_email')].message").exists();
    }

    @Test
    void malformedJsonIsA400WithoutParserText() {
        String body = http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"abc\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("not well-formed JSON").doesNotContain("jackson").doesNotContain("Exception");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"abc\", \"starting_price\": \"cheap\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("starting_price");
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"abc\", \"seller_id\": \"someone-else\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("seller_id")
                .jsonPath("$.errors[0].message").isEqualTo("is not a field this endpoint accepts");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsNamed() {
        http.get().uri("/test/probe/open/page?page=first")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void aMissingQueryParameterIsNamed() {
        http.get().uri("/test/probe/open/page")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    @Test
    void theWrongMethodIsA405WithAllow() {
        http.delete().uri("/test/probe/open/listings")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST")
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void theWrongMediaTypeIsA415() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.TEXT_PLAIN).body("title=abc")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        http.get().uri("/api/v1/products/x/y/z/unknown")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/not-found");
    }

    @Test
    void domainConflictsAreA409WithTheirMessage() {
        http.get().uri("/test/probe/open/conflict")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("The product is sold and can no longer be edited");
    }

    @Test
    void staleVersionsAreA409() {
        http.get().uri("/test/probe/open/stale")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("version 3 expected"));
    }

    @Test
    void forbiddenIsA403() {
        http.get().uri("/test/probe/open/forbidden")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/forbidden");
    }

    @Test
    void throttlingIsA429WithRetryAfter() {
        http.get().uri("/test/probe/open/throttled")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "42")
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void aDependencyDownIsA503() {
        http.get().uri("/test/probe/open/down")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("connection refused"));
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        String body = http.get().uri("/test/probe/open/boom").header("X-Request-ID", "boom-1")
                .exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("boom-1").doesNotContain("SELECT").doesNotContain("IllegalStateException")
                .doesNotContain("at live.blytz");
    }

    @Test
    void noTokenIsA401WithWwwAuthenticate() {
        http.get().uri("/test/probe/admin")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.request_id").isNotEmpty();
    }
}
