package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** CORS, security headers, compression, actuator and OpenAPI, as a client sees them; also over a raw socket. */
@BlytzIntegrationTest
class CrossCuttingHttpTests {

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @Test
    void anAllowedOriginGetsCorsHeaders() {
        http.method(HttpMethod.OPTIONS).uri("/api/v1/products")
                .header("Origin", "https://app.blytz.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.blytz.test")
                .expectHeader().exists("Access-Control-Allow-Methods");
    }

    @Test
    void aBrowserAppMayBidAndResumeAStream() {
        http.method(HttpMethod.OPTIONS).uri("/api/v1/auctions/{id}/bids", UUID.randomUUID())
                .header("Origin", "https://app.blytz.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.blytz.test");
        http.method(HttpMethod.OPTIONS).uri("/api/v1/auctions/{id}/stream", UUID.randomUUID())
                .header("Origin", "https://app.blytz.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Last-Event-ID")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.blytz.test");
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() {
        http.method(HttpMethod.OPTIONS).uri("/api/v1/products")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        http.get().uri("/actuator/health").header("Origin", "https://evil.example")
                .exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        http.get().uri("/actuator/health")
                .exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void largeResponsesAreCompressed() throws Exception {
        // The plain JDK client: it neither asks for nor undoes compression unless told to.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .header("Accept-Encoding", "gzip").build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("\"openapi\"");
        }
    }

    @Test
    void healthHasLivenessAndReadinessGroupsAndReadinessChecksPostgresAndRedis() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void prometheusExposesMetricsToAdminsOnTheApiPort() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        String body = http.get().uri("/actuator/prometheus")
                .header("Authorization", new TestAccounts(http).admin().bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void modulithEndpointIsForAdminsOnly() {
        http.get().uri("/actuator/modulith").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void openApiDescribesBearerSecurityAndTheProblemSchema() {
        http.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat(String.valueOf(version)).startsWith("3.1"))
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.schemas.Problem.properties.request_id").exists()
                .jsonPath("$.components.schemas.Problem.properties.errors").exists()
                .jsonPath("$.paths['/error']").doesNotExist();
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void aSocketRequestThatTomcatAcceptsIsAnsweredByTheApplication() throws IOException {
        RawHttp.Response response = RawHttp.get(port, "/api/v1/products");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
    }
}
