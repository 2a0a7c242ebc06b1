package live.blytz.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.paging.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document says exactly what the server does (issue 8, point 16): every response body has a
 * schema, what can be null is typed so, every limit the server enforces is a schema keyword with the same number,
 * patterns mean what Bean Validation means, every operation declares its security and the statuses it can give,
 * and no two paths differ only by a parameter name. It also writes the document to {@code target/openapi.json},
 * which {@code .ci/run} lints with Redocly.
 */
@BlytzIntegrationTest
class OpenApiDocumentTests {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    @Value("${blytz.auth.password.min-length:8}")
    int passwordMinLength;

    @Value("${blytz.auth.password.max-length:128}")
    int passwordMaxLength;

    JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        String body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Files.writeString(Path.of("target/openapi.json"), body);
        document = json.readTree(body);
    }

    @Test
    void everyOperationHasAnIdASummaryAndDeclaresItsSecurity() {
        operations((name, operation) -> {
            assertThat(operation.path("operationId").asString()).as(name).matches("[a-z][A-Za-z]+");
            assertThat(operation.path("summary").asString()).as(name).isNotBlank();
            assertThat(operation.path("security").isArray()).as("%s declares security ([] when public)", name).isTrue();
        });
    }

    @Test
    void everyResponseBodyHasASchemaAndEveryErrorIsAProblem() {
        operations((name, operation) -> {
            for (var response : operation.path("responses").properties()) {
                String status = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (status.startsWith("2") && !status.equals("202") && !status.equals("204")) {
                    assertThat(content.isEmpty()).as("%s %s has a body", name, status).isFalse();
                }
                content.properties().forEach(media -> assertThat(media.getValue().path("schema").isObject())
                        .as("%s %s %s has a schema", name, status, media.getKey()).isTrue());
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(content.path("application/problem+json").path("schema").path("$ref").asString())
                            .as("%s %s is a problem", name, status).isEqualTo(PROBLEM);
                }
            }
        });
        assertThat(document.path("components").path("schemas").path("Problem").path("required")
                .valueStream().map(JsonNode::asString)).contains("type", "title", "status", "request_id");
    }

    @Test
    void everyOperationListsTheStatusesTheCrossCuttingMachineryCanGive() {
        operations((name, operation) -> {
            JsonNode responses = operation.path("responses");
            for (String status : List.of("400", "413", "429", "500", "503")) {
                assertThat(responses.has(status)).as("%s documents %s", name, status).isTrue();
            }
            assertThat(responses.has("415")).as("%s: 415 exactly when it takes a body", name)
                    .isEqualTo(operation.has("requestBody"));
            boolean roles = operation.path("security").valueStream()
                    .flatMap(requirement -> requirement.valueStream()).anyMatch(scopes -> !scopes.isEmpty());
            if (roles) {
                assertThat(responses.has("403")).as("%s limits roles, so it can answer 403", name).isTrue();
            }
        });
        // A public route still verifies a bearer token that is sent: 401 for a bad one.
        assertThat(operation("/api/v1/products", "get").path("responses").has("401")).isTrue();
        assertThat(operation("/api/v1/products/{id}", "get").path("responses").has("401")).isTrue();
        // ... except the public auth routes, which ignore the header (a client with an expired token must get in).
        assertThat(operation("/api/v1/auth/register", "post").path("responses").has("401")).isFalse();
        assertThat(operation("/api/v1/products/mine", "get").path("security").get(0).path("bearer")
                .valueStream().map(JsonNode::asString)).containsExactly("seller", "admin");
    }

    @Test
    void noTwoPathsDifferOnlyByAParameterName() {
        Map<String, List<String>> byShape = new HashMap<>();
        document.path("paths").propertyNames().forEach(path ->
                byShape.computeIfAbsent(path.replaceAll("\\{[^}]*}", "{}"), shape -> new ArrayList<>()).add(path));
        byShape.values().forEach(paths -> assertThat(paths).as("paths of one shape").hasSize(1));
    }

    @Test
    void whatCanBeNullIsTypedSoAndWhatIsAlwaysThereIsRequired() {
        Map<String, List<String>> nullable = Map.of(
                "User", List.of("first_name", "last_name", "avatar_url", "bio", "phone", "last_login_at",
                        "password_changed_at", "email"),
                "PublicUser", List.of("avatar_url", "bio"),
                "AccountView", List.of("last_login_at"),
                "SessionView", List.of("user_agent", "ip"),
                "Product", List.of("reserve_price", "buy_now_price", "video_url"),
                "ProductSeller", List.of("display_name"),
                "Category", List.of("description", "image_url", "parent_id"));
        nullable.forEach((schema, properties) -> properties.forEach(property ->
                assertThat(types(schema(schema).path("properties").path(property)))
                        .as("%s.%s", schema, property).contains("null")));
        assertThat(types(schema("User").path("properties").path("display_name"))).doesNotContain("null");
        assertThat(schema("User").path("required").valueStream().map(JsonNode::asString))
                .contains("id", "display_name", "role", "status", "email_verified", "version", "created_at")
                .doesNotContain("bio");
        // Keyset slices leave page, total and total_pages out.
        assertThat(schema("ProductPagination").path("required").valueStream().map(JsonNode::asString))
                .containsExactly("page_size");
    }

    @Test
    void everyLimitTheServerEnforcesIsASchemaKeywordWithTheSameNumber() {
        JsonNode register = schema("RegisterRequest").path("properties");
        assertThat(register.path("first_name").path("maxLength").asInt()).isEqualTo(50);
        assertThat(register.path("last_name").path("maxLength").asInt()).isEqualTo(50);
        for (JsonNode password : List.of(register.path("password"),
                schema("ChangePasswordRequest").path("properties").path("new_password"),
                schema("PasswordResetConfirmRequest").path("properties").path("new_password"))) {
            assertThat(password.path("minLength").asInt()).isEqualTo(passwordMinLength);
            assertThat(password.path("maxLength").asInt()).isEqualTo(passwordMaxLength);
        }
        JsonNode profile = schema("UpdateProfileRequest").path("properties");
        assertThat(profile.path("first_name").path("maxLength").asInt()).isEqualTo(50);
        assertThat(profile.path("display_name").path("minLength").asInt()).isEqualTo(2);
        assertThat(profile.path("display_name").path("maxLength").asInt()).isEqualTo(40);
        assertThat(profile.path("bio").path("maxLength").asInt()).isEqualTo(500);
        for (String path : List.of("/api/v1/products", "/api/v1/products/mine", "/api/v1/admin/users",
                "/api/v1/auth/sessions")) {
            JsonNode parameters = operation(path, "get").path("parameters");
            assertThat(parameter(parameters, "page").path("schema").path("minimum").asInt()).as(path).isEqualTo(1);
            JsonNode pageSize = parameter(parameters, "page_size").path("schema");
            assertThat(pageSize.path("minimum").asInt()).as(path).isEqualTo(1);
            assertThat(pageSize.path("maximum").asInt()).as(path).isEqualTo(PageRequest.MAX_PAGE_SIZE);
        }
        JsonNode listing = operation("/api/v1/products", "get").path("parameters");
        for (String bound : List.of("min_price", "max_price")) {
            JsonNode price = parameter(listing, bound).path("schema");
            assertThat(price.path("minimum").decimalValue()).as(bound).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(price.path("maximum").decimalValue()).as(bound).isEqualByComparingTo("9999999999.99");
        }
        assertThat(parameter(listing, "q").path("schema").path("maxLength").asInt()).isEqualTo(200);
        assertThat(parameter(listing, "sort").path("schema").path("enum").valueStream().map(JsonNode::asString))
                .contains("-created_at", "price", "-view_count");
        JsonNode product = schema("ProductCreateRequest").path("properties");
        assertThat(product.path("starting_price").path("exclusiveMinimum").decimalValue())
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(product.path("starting_price").path("maximum").decimalValue()).isEqualByComparingTo("9999999999.99");
        assertThat(product.path("title").path("minLength").asInt()).isEqualTo(3);
        assertThat(product.path("images").path("maxItems").asInt()).isEqualTo(20);
    }

    @Test
    void patternsAreAnchoredAndFreeOfJavaOnlySyntax() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document, patterns);
        assertThat(patterns).isNotEmpty().allSatisfy(pattern -> {
            assertThat(pattern).startsWith("^").endsWith("$");
            // Inline flags, possessive quantifiers, \A \Z \z, class intersections: java.util.regex only.
            assertThat(pattern).doesNotContainPattern("\\(\\?[a-zA-Z]").doesNotContainPattern("[*+?}]\\+")
                    .doesNotContainPattern("\\\\[AZz]").doesNotContain("&&");
        });
    }

    private void operations(BiConsumer<String, JsonNode> check) {
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as("%s %s is documented", method, path).isTrue();
        return operation;
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isObject()).as("schema %s", name).isTrue();
        return schema;
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        return parameters.valueStream().filter(parameter -> parameter.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no parameter " + name));
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (schema.has("anyOf")) {
            return schema.path("anyOf").valueStream()
                    .map(branch -> branch.has("$ref") ? "object" : branch.path("type").asString()).toList();
        }
        return type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
    }

    private static void collectPatterns(JsonNode node, List<String> patterns) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("pattern") && entry.getValue().isString()) {
                    patterns.add(entry.getValue().asString());
                } else {
                    collectPatterns(entry.getValue(), patterns);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectPatterns(child, patterns));
        }
    }
}
