package live.blytz.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.OpenApiContract;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 8, point 17: every JSON body an HTTP test receives is validated against the schema the server publishes
 * for that operation and status ({@link OpenApiContract}, hooked into every {@code RestTestClient} of the shared
 * context by {@code ContractCheckedClients}). These tests show that the judge convicts drift of each kind, and
 * that the test clients really call it.
 */
@BlytzIntegrationTest
class ResponseValidationTests {

    private static final String USER = """
            {"id": "%s", "display_name": "Ada L.", "avatar_url": null, "bio": null, "role": "seller",
             "created_at": "2026-11-25T14:20:00Z"}""".formatted(UUID.randomUUID());

    @Autowired
    RestTestClient http;

    OpenApiContract contract;

    @BeforeEach
    void servedDocument() {
        contract = OpenApiContract.of(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void aResponseAsDocumentedPasses() {
        assertThat(violations(HttpMethod.GET, "/api/v1/users/" + UUID.randomUUID(), 200, MediaType.APPLICATION_JSON,
                "{\"user\": " + USER + "}")).isEmpty();
    }

    @Test
    void driftOfEveryKindFails() {
        String user = "/api/v1/users/" + UUID.randomUUID();
        assertThat(violations(HttpMethod.GET, user, 418, MediaType.APPLICATION_JSON, "{}"))
                .singleElement().asString().contains("status 418 is not documented for GET /api/v1/users/{id}");
        assertThat(violations(HttpMethod.GET, user, 200, MediaType.TEXT_PLAIN, "Ada"))
                .singleElement().asString().contains("text/plain is not a documented 200 content type");
        assertThat(violations(HttpMethod.GET, user, 200, MediaType.APPLICATION_JSON,
                "{\"user\": " + USER.replace("\"role\": \"seller\"", "\"role\": null") + "}"))
                .as("null where the schema does not allow it").isNotEmpty();
        assertThat(violations(HttpMethod.GET, user, 200, MediaType.APPLICATION_JSON,
                "{\"user\": " + USER.replace("\"display_name\": \"Ada L.\", ", "") + "}"))
                .as("a required field missing").anySatisfy(v -> assertThat(v).contains("display_name"));
        assertThat(violations(HttpMethod.GET, user, 200, MediaType.APPLICATION_JSON,
                "{\"user\": " + USER.replace("\"bio\": null", "\"bio\": null, \"email\": \"a@b.test\"") + "}"))
                .as("a field the document does not know").anySatisfy(v -> assertThat(v).contains("email"));
        assertThat(violations(HttpMethod.GET, user, 200, MediaType.APPLICATION_JSON,
                "{\"user\": " + USER.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"42\"") + "}"))
                .as("a format the document promises").anySatisfy(v -> assertThat(v).contains("uuid"));
        assertThat(violations(HttpMethod.GET, user, 404, MediaType.APPLICATION_PROBLEM_JSON,
                "{\"type\": \"about:blank\", \"title\": \"Not found\", \"status\": 404}"))
                .as("a problem without its request_id").anySatisfy(v -> assertThat(v).contains("request_id"));
        assertThat(violations(HttpMethod.GET, "/api/v1/nothing-here", 200, MediaType.APPLICATION_JSON, "{}"))
                .singleElement().asString().contains("the document has no operation GET /api/v1/nothing-here");
        assertThat(violations(HttpMethod.POST, "/api/v1/auth/logout", 204, MediaType.APPLICATION_JSON, "{}"))
                .as("a body where the document promises none").isNotEmpty();
    }

    @Test
    void everyTestClientChecksEveryResponse() {
        // Real responses that the document describes pass through untouched ...
        TestAccounts.Account seller = new TestAccounts(http).register(Role.SELLER);
        http.get().uri("/api/v1/users/me").header("Authorization", seller.bearer()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.id").isEqualTo(seller.id().value().toString());
        // ... and one it does not describe fails the test that received it, whatever that test expected.
        assertThatThrownBy(() -> http.get().uri("/api/v1/test-probe/undocumented").exchange().expectStatus().isOk())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the served OpenAPI document")
                .hasMessageContaining("no operation GET /api/v1/test-probe/undocumented");
    }

    private List<String> violations(HttpMethod method, String path, int status, MediaType type, String body) {
        return contract.violations(method, URI.create("http://localhost" + path), status, type,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
