package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.text.TextRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text rule wherever text enters (query, form, path, header, JSON body): bad input is a 400 problem naming
 * what is wrong, never a 500, and never stored mangled.
 */
@BlytzIntegrationTest
class InputTextTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    // --- query strings: decoded strictly, by the filter, for every endpoint ---

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products?q=%zz", "/api/v1/products?q=%E9", "/api/v1/products?q=%ED%A0%80",
            "/api/v1/products?q=%", "/api/v1/products?page=1&q=ab%C3", "/api/v1/admin/users?q=%zz",
            "/api/v1/admin/users?q=%E9", "/api/v1/auth/sessions?page=%E9", "/api/v1/products/mine?page=%zz"})
    void aQueryValueThatIsNotPercentEncodedUtf8IsA400NamingTheParameter(String target) throws IOException {
        String parameter = target.contains("q=") ? "q" : "page";
        assertFieldError(RawHttp.get(port, target), parameter, RequestTextFilter.NOT_PERCENT_ENCODED_UTF8);
    }

    @Test
    void aQueryThatNoEndpointReadsIsCheckedToo() throws IOException {
        assertFieldError(RawHttp.get(port, "/api/v1/categories?sort=%zz"), "sort", RequestTextFilter.NOT_PERCENT_ENCODED_UTF8);
        assertFieldError(RawHttp.get(port, "/api/v1/categories?%E9=1"), "query", RequestTextFilter.NOT_PERCENT_ENCODED_UTF8);
    }

    @Test
    void anAuthenticatedCallerGetsTheSame400() throws IOException {
        String admin = new TestAccounts(http).admin().bearer();
        assertFieldError(RawHttp.get(port, "/api/v1/admin/users?q=%zz", "Authorization: " + admin), "q",
                RequestTextFilter.NOT_PERCENT_ENCODED_UTF8);
    }

    @Test
    void controlCharactersAndLineBreaksInAQueryAreA400NamingTheParameter() throws IOException {
        assertFieldError(RawHttp.get(port, "/api/v1/products?q=a%00b"), "q", TextRule.CONTROL_CHARACTER);
        assertFieldError(RawHttp.get(port, "/api/v1/products?q=a%C2%85b"), "q", TextRule.CONTROL_CHARACTER);
        assertFieldError(RawHttp.get(port, "/api/v1/products?q=a%0Ab"), "q", TextRule.LINE_BREAK);
        assertFieldError(RawHttp.get(port, "/api/v1/products?q=a%E2%80%A8b"), "q", TextRule.LINE_BREAK);
        assertFieldError(RawHttp.get(port, "/api/v1/products?a%01b=1"), "a\u0001b", TextRule.CONTROL_CHARACTER);
        assertThat(RawHttp.get(port, "/api/v1/products?q=Zo%C3%AB+lamp").status()).isEqualTo(200);
    }

    @Test
    void everyBadPartIsNamedInOneProblem() throws IOException {
        RawHttp.Response response = RawHttp.get(port, "/api/v1/products/a%01b?q=%0A&sort=%07", "X-Note: \u00c2\u0085");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("path", "X-Note", "q", "sort");
    }

    @Test
    void tooManyParametersAreA400NotA500() throws IOException {
        StringBuilder query = new StringBuilder("a0=1");
        for (int i = 1; i < 1_100; i++) {
            query.append("&a").append(i).append("=1");
        }
        RawHttp.Response response = RawHttp.get(port, "/api/v1/products?" + query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    // --- form bodies: the API reads none, and a broken one must not reach a parser that throws ---

    @Test
    void aFormBodyThatIsNotPercentEncodedUtf8IsA400NotA500() throws IOException {
        for (String body : List.of("email=%zz", "email=%E9", "email=a%00b")) {
            RawHttp.Response response = RawHttp.send(port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        String body = "title=%zz";
        RawHttp.Response put = RawHttp.send(port, "PATCH /api/v1/products/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(put.status()).isBetween(400, 499);
    }

    // --- path and headers ---

    @Test
    void controlCharactersInThePathAreA400NamingThePath() throws IOException {
        assertFieldError(RawHttp.get(port, "/api/v1/categories/a%01b"), "path", TextRule.CONTROL_CHARACTER);
        assertFieldError(RawHttp.get(port, "/api/v1/categories/a%C2%9Bb"), "path", TextRule.CONTROL_CHARACTER);
        assertFieldError(RawHttp.get(port, "/api/v1/categories/a%E2%80%A9b"), "path", TextRule.LINE_BREAK);
    }

    @Test
    void headerValuesAreCheckedAsTheTextTheyEncode() throws IOException {
        // U+0085 (NEL), sent as UTF-8: Tomcat passes bytes above 0x7F through as ISO-8859-1.
        assertFieldError(RawHttp.get(port, "/api/v1/products", "X-Note: a\u00c2\u0085b"), "X-Note",
                TextRule.CONTROL_CHARACTER);
        assertFieldError(RawHttp.get(port, "/api/v1/products", "User-Agent: a\u0085b"), "User-Agent",
                TextRule.CONTROL_CHARACTER);
        // "€" in UTF-8 is E2 82 AC: its 0x82 is no control character here.
        assertThat(RawHttp.get(port, "/api/v1/products", "X-Note: 5 \u00e2\u0082\u00ac").status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/v1/products", "X-Note: tab\tis whitespace").status()).isEqualTo(200);
    }

    // --- JSON bodies: every string, in every shape ---

    @Test
    void aSingleLineFieldRefusesControlsLineBreaksAndUnpairedSurrogates() {
        expectBodyError("{\"title\": \"a\\u0000b\"}", "title", TextRule.CONTROL_CHARACTER);
        expectBodyError("{\"title\": \"a\\u009bb\"}", "title", TextRule.CONTROL_CHARACTER);
        expectBodyError("{\"title\": \"a\\nb\"}", "title", TextRule.LINE_BREAK);
        expectBodyError("{\"title\": \"a\\ud800\"}", "title", TextRule.UNPAIRED_SURROGATE);
        expectBodyError("{\"title\": \"\\udc00b\"}", "title", TextRule.UNPAIRED_SURROGATE);
    }

    @Test
    void aMultiLineFieldKeepsTabsAndLineBreaksButNotOtherControls() {
        http.post().uri("/test/probe/open/notes").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"Zoë 😀\", \"body\": \"one\\r\\ntwo\\tthree\\u2028four\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Zoë 😀")
                .jsonPath("$.body").isEqualTo("one\r\ntwo\tthree\u2028four");
        expectBodyError("{\"body\": \"bell\\u0007\"}", "body", TextRule.CONTROL_CHARACTER);
        expectBodyError("{\"body\": \"\\ud83d\"}", "body", TextRule.UNPAIRED_SURROGATE);
    }

    @Test
    void listElementsAndFreeFormObjectsAreCheckedToo() {
        expectBodyError("{\"tags\": [\"ok\", \"a\\u0000\"]}", "tags[1]", TextRule.CONTROL_CHARACTER);
        expectBodyError("{\"extra\": {\"a\\u0000\": 1}}", "extra", TextRule.CONTROL_CHARACTER);
        expectBodyError("{\"extra\": {\"a\\nb\": 1}}", "extra", TextRule.LINE_BREAK);
        expectBodyError("{\"extra\": {\"k\": [1, {\"n\": \"\\ud800\"}]}}", "extra", TextRule.UNPAIRED_SURROGATE);
        http.post().uri("/test/probe/open/notes").contentType(MediaType.APPLICATION_JSON)
                .body("{\"extra\": {\"care\": \"hand wash\\nno dryer\"}}")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anUnpairedSurrogateIsRefusedNotStoredAsAQuestionMark() {
        String email = "surrogate-" + UUID.randomUUID() + "@blytz.test";
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"" + email + "\", \"password\": \"a long enough passphrase 9\", "
                        + "\"first_name\": \"Ada\\ud800\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("first_name")
                .jsonPath("$.errors[0].message").isEqualTo(TextRule.UNPAIRED_SURROGATE);
    }

    @Test
    void aBioIsMultiLineAndADisplayNameIsNot() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        String etag = http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "Collector.\r\nSells vinyl."))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.user.bio").isEqualTo("Collector.\r\nSells vinyl.");
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, buyer.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("display_name", "Ada\nL.", "version", 1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("display_name")
                .jsonPath("$.errors[0].message").isEqualTo(TextRule.LINE_BREAK);
    }

    private void expectBodyError(String json, String field, String message) {
        http.post().uri("/test/probe/open/notes").contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.request_id").isNotEmpty()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    private static void assertFieldError(RawHttp.Response response, String field, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
        assertThat(body.path("errors").valueStream().map(error -> error.path("field").asString() + ": "
                + error.path("message").asString())).contains(field + ": " + message);
    }

    private static List<String> fields(RawHttp.Response response) {
        return JSON.readTree(response.body()).path("errors").valueStream()
                .map(error -> error.path("field").asString()).toList();
    }
}
