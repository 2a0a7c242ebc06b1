package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Bodies over the limit (1 MiB by default) are refused with 413, with or without a Content-Length. */
@BlytzIntegrationTest
class BodySizeLimitTests {

    private static final int OVER_LIMIT = 1024 * 1024 + 1;

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @Test
    void aDeclaredBodyOverTheLimitIsA413() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body(jsonOfSize(OVER_LIMIT))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/payload-too-large");
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsA413() throws Exception {
        byte[] body = jsonOfSize(OVER_LIMIT).getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher of unknown length makes the JDK client send Transfer-Encoding: chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/probe/open/listings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body(jsonOfSize(1024 * 1024 - 10))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
    }

    /** A valid JSON object of exactly {@code size} bytes whose title is too long (so it reaches validation). */
    private static String jsonOfSize(int size) {
        String prefix = "{\"title\": \"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
