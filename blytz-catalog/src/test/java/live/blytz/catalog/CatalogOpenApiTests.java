package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated OpenAPI document describes the catalog as it behaves: every endpoint, the listing's filters, the
 * specific error responses, bearer security exactly on the protected operations, and schemas whose types and
 * names match the JSON on the wire (snake_case, money as numbers, images as URI arrays, JSON objects as objects).
 */
@BlytzIntegrationTest
class CatalogOpenApiTests {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    JsonNode document;

    @BeforeEach
    void fetch() {
        String body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        document = json.readTree(body);
    }

    @Test
    void everyCatalogEndpointIsDocumentedWithBearerSecurityExactlyWhereItIsRequired() {
        Map<String, List<String>> publicOperations = Map.of(
                "/api/v1/categories", List.of("get"),
                "/api/v1/categories/{id}", List.of("get"),
                "/api/v1/products", List.of("get"),
                "/api/v1/products/{id}", List.of("get"));
        Map<String, List<String>> protectedOperations = Map.of(
                "/api/v1/categories", List.of("post"),
                "/api/v1/categories/{id}", List.of("patch", "delete"),
                "/api/v1/products", List.of("post"),
                "/api/v1/products/mine", List.of("get"),
                "/api/v1/products/{id}", List.of("patch", "delete"),
                "/api/v1/products/{id}/featured", List.of("put"));
        publicOperations.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = operation(path, method);
            assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                    .as("%s %s is public: security []", method, path).isTrue();
            assertThat(operation.path("summary").asString()).as("%s %s summary", method, path).isNotBlank();
        }));
        protectedOperations.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = operation(path, method);
            assertThat(operation.path("security").findValues("bearer")).as("%s %s needs a bearer token", method, path)
                    .hasSize(1);
            assertThat(operation.path("summary").asString()).as("%s %s summary", method, path).isNotBlank();
            assertProblem(operation, "401");
            assertProblem(operation, "403");
        }));
    }

    @Test
    void theListingDocumentsEveryFilterAndTheSellerViewItsOwn() {
        assertThat(parameterNames(operation("/api/v1/products", "get"))).containsExactlyInAnyOrder("category_id",
                "seller_id", "condition", "min_price", "max_price", "featured", "q", "sort", "page", "page_size",
                "cursor");
        for (JsonNode parameter : operation("/api/v1/products", "get").path("parameters")) {
            assertThat(parameter.path("in").asString()).isEqualTo("query");
            assertThat(parameter.path("description").asString()).as(parameter.path("name").asString()).isNotBlank();
        }
        JsonNode listing = operation("/api/v1/products", "get").path("parameters");
        assertThat(parameter(listing, "category_id").path("schema").path("format").asString()).isEqualTo("uuid");
        assertThat(parameter(listing, "min_price").path("schema").path("type").asString()).isEqualTo("number");
        assertThat(parameter(listing, "featured").path("schema").path("type").asString()).isEqualTo("boolean");
        assertThat(parameter(listing, "condition").path("schema").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("new", "like_new", "good", "fair", "poor");
        assertThat(parameterNames(operation("/api/v1/products/mine", "get")))
                .containsExactlyInAnyOrder("status", "page", "page_size");
        assertThat(parameterNames(operation("/api/v1/products/{id}", "patch"))).contains("id", "If-Match");
        assertThat(operation("/api/v1/products", "get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/ProductList");
    }

    @Test
    void theSpecificErrorsAreDocumentedAsProblems() {
        assertProblem(operation("/api/v1/products/{id}", "get"), "404");
        for (String status : List.of("403", "404", "409")) {
            assertProblem(operation("/api/v1/products/{id}", "patch"), status);
            assertProblem(operation("/api/v1/products/{id}", "delete"), status);
        }
        assertProblem(operation("/api/v1/products/{id}/featured", "put"), "404");
        assertProblem(operation("/api/v1/categories/{id}", "get"), "404");
        assertProblem(operation("/api/v1/categories", "post"), "409");
        assertProblem(operation("/api/v1/categories/{id}", "patch"), "404");
        assertProblem(operation("/api/v1/categories/{id}", "patch"), "409");
        assertProblem(operation("/api/v1/categories/{id}", "delete"), "409");
        assertProblem(operation("/api/v1/products", "post"), "400");
    }

    @Test
    void productSchemasMatchTheJsonOnTheWire() {
        for (String name : List.of("Product", "ProductSummary")) {
            JsonNode properties = schema(name).path("properties");
            assertThat(properties.has("starting_price")).as(name + " is snake_case").isTrue();
            assertThat(properties.has("startingPrice")).as(name + " is snake_case").isFalse();
            assertThat(types(properties.path("starting_price"))).as(name + ".starting_price").containsExactly("number");
            assertThat(types(properties.path("buy_now_price"))).containsExactlyInAnyOrder("number", "null");
            JsonNode images = properties.path("images");
            assertThat(types(images)).as(name + ".images").containsExactly("array");
            assertThat(images.path("items").path("format").asString()).isEqualTo("uri");
            assertThat(images.path("maxItems").asInt()).isEqualTo(20);
        }
        JsonNode product = schema("Product").path("properties");
        assertThat(types(product.path("reserve_price"))).containsExactlyInAnyOrder("number", "null");
        assertThat(types(product.path("specifications"))).containsExactly("object");
        assertThat(types(product.path("shipping_info"))).containsExactly("object");
        assertThat(product.has("seller_id")).as("internal fields stay hidden").isFalse();
        assertThat(product.has("publicly_visible")).isFalse();
        assertThat(schema("ProductPagination").path("properties").has("next_cursor")).isTrue();
    }

    @Test
    void productRequestBodiesAreDescribed() {
        assertThat(requestSchemaRef("/api/v1/products", "post")).isEqualTo("#/components/schemas/ProductCreateRequest");
        assertThat(requestSchemaRef("/api/v1/products/{id}", "patch"))
                .isEqualTo("#/components/schemas/ProductUpdateRequest");
        for (String name : List.of("ProductCreateRequest", "ProductUpdateRequest")) {
            JsonNode properties = schema(name).path("properties");
            assertThat(properties.has("category_id")).as(name).isTrue();
            assertThat(types(properties.path("starting_price"))).as(name + ".starting_price").contains("number");
            assertThat(types(properties.path("images"))).as(name + ".images").contains("array");
            assertThat(types(properties.path("specifications"))).as(name + ".specifications").contains("object");
            assertThat(types(properties.path("shipping_info"))).as(name + ".shipping_info").contains("object");
            assertThat(properties.has("seller_id")).as("%s has no server-owned fields", name).isFalse();
            assertThat(properties.has("view_count")).isFalse();
            assertThat(properties.has("featured")).isFalse();
        }
        assertThat(schema("ProductCreateRequest").path("properties").has("status")).isFalse();
        assertThat(schema("ProductCreateRequest").path("required").valueStream().map(JsonNode::asString))
                .contains("category_id", "title", "condition", "starting_price");
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

    private String requestSchemaRef(String path, String method) {
        return operation(path, method).path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString();
    }

    private static void assertProblem(JsonNode operation, String status) {
        JsonNode response = operation.path("responses").path(status);
        assertThat(response.path("description").asString()).as("%s documented", status).isNotBlank();
        assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                .as("%s is a problem", status).isEqualTo(PROBLEM);
    }

    private static List<String> parameterNames(JsonNode operation) {
        return operation.path("parameters").valueStream().map(parameter -> parameter.path("name").asString()).toList();
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        return parameters.valueStream().filter(parameter -> parameter.path("name").asString().equals(name))
                .findFirst().orElseThrow();
    }

    /** OpenAPI 3.1 writes a type as a string or, with null allowed, as an array of strings. */
    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
    }
}
