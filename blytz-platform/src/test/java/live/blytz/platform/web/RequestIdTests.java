package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@BlytzIntegrationTest
class RequestIdTests {

    @Autowired
    RestTestClient http;

    @Test
    void echoesAWellFormedRequestId() {
        http.get().uri("/actuator/health").header("X-Request-ID", "client-abc.123")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-ID", "client-abc.123");
    }

    @Test
    void replacesAMalformedRequestIdWithAGeneratedOne() {
        String sent = "bad id\twith spaces";
        String received = http.get().uri("/actuator/health").header("X-Request-ID", sent)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-ID");
        assertThat(received).isNotEqualTo(sent).matches("[0-9a-f-]{36}");
    }

    @Test
    void problemsCarryTheRequestId() {
        http.get().uri("/api/v1/categories/no/such/route").header("X-Request-ID", "trace-me-42")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.request_id").isEqualTo("trace-me-42")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/v1/categories/no/such/route");
    }
}
