package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any filter or servlet runs, sent byte for byte over a socket: they get the same
 * problem as everything else, with a request id, never Tomcat's HTML page.
 */
@BlytzIntegrationTest
class ContainerRejectionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products/a%2Fb", "/api/v1/products/a%5Cb", "/api/v1/products/a%00b",
            "/api/v1/products/a%zzb", "/api/v1/products/a%E9b", "/api/v1/products/%", "/api/v1/products/a%2"})
    void aPathTomcatRefusesIsA400Problem(String path) throws IOException {
        assertProblem(RawHttp.get(port, path), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products;jsessionid=1", "/api/v1//products", "/api/v1/./products",
            "/api/v1/x/../products", "/api/v1/products%3Bx"})
    void aPathTheFirewallRefusesIsA400ProblemToo(String path) throws IOException {
        assertProblem(RawHttp.get(port, path), 400);
    }

    @Test
    void traceIsA405Problem() throws IOException {
        assertProblem(RawHttp.send(port, "TRACE /api/v1/products HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405);
    }

    @Test
    void aRequestLineTomcatCannotParseIsA400Problem() throws IOException {
        assertProblem(RawHttp.send(port, "GET /a b c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(RawHttp.send(port, "G(T /api/v1/products HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(RawHttp.send(port, "GET /api/v1/products?q=\u00e9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anHttpVersionTomcatDoesNotSpeakIsA400ProblemNotA505() throws IOException {
        assertProblem(RawHttp.send(port, "GET /api/v1/products HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anUnknownTransferCodingIsA400ProblemNotA501() throws IOException {
        assertProblem(RawHttp.send(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"), 400);
    }

    @Test
    void aBadOrMissingHostIsA400Problem() throws IOException {
        assertProblem(RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aMalformedOrControlCharacterHeaderIsA400Problem() throws IOException {
        assertProblem(RawHttp.get(port, "/api/v1/products", "X-Note: a\u0001b"), 400);
        assertProblem(RawHttp.get(port, "/api/v1/products", "X-Note: a\u007fb"), 400);
        assertProblem(RawHttp.get(port, "/api/v1/products", "(request): test"), 400);
        assertProblem(RawHttp.get(port, "/api/v1/products", "X-Note a header without a colon"), 400);
        assertProblem(RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    @Test
    void anOversizedHeaderIsA400Problem() throws IOException {
        assertProblem(RawHttp.get(port, "/api/v1/products", "X-Note: " + "a".repeat(20_000)), 400);
    }

    @Test
    void aWellFormedRequestIdOfTheCallerIsKeptEvenWhenTomcatRefusesTheRequest() throws IOException {
        RawHttp.Response response = RawHttp.get(port, "/api/v1/products/a%2Fb", "X-Request-ID: raw-socket-1");
        assertProblem(response, 400);
        assertThat(response.header("X-Request-ID")).isEqualTo("raw-socket-1");
    }

    @Test
    void aRejectionIsAProblemWhateverTheClientAccepts() throws IOException {
        assertProblem(RawHttp.get(port, "/api/v1/products/a%2Fb", "Accept: text/html"), 400);
    }

    static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        String requestId = response.header("X-Request-ID");
        assertThat(requestId).isNotBlank();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).startsWith("https://api.blytz.live/problems/");
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("request_id").asString()).isEqualTo(requestId);
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("Exception");
    }
}
