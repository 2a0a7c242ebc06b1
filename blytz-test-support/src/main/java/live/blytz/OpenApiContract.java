package live.blytz;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document as a judge of responses: a response must be what the document says the operation
 * answers with that status and content type, its JSON body valid against that schema (a JSON Schema 2020-12
 * validator, with format assertions on). Objects are closed for the check: a property the schema does not list
 * is drift too, so the document cannot fall behind the code. Requests to no documented operation are judged
 * only if they answer with a problem (which must match the {@code Problem} schema) or claim an {@code /api} path.
 */
public final class OpenApiContract {

    private static final String DOCUMENT = "https://contract.blytz.test/openapi.json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Route(String template, PathPattern pattern, JsonNode item) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(ObjectNode document) {
        closeObjects(document);
        ObjectNode components = (ObjectNode) document.path("components").path("schemas");
        int inline = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            routes.add(new Route(path.getKey(), PathPatternParser.defaultInstance.parse(path.getKey()), path.getValue()));
            for (JsonNode operation : path.getValue()) {
                for (JsonNode response : operation.path("responses")) {
                    for (JsonNode media : response.path("content")) {
                        JsonNode schema = media.path("schema");
                        if (schema.isObject() && !isComponentRef(schema)) {
                            // Hoisted, so every schema checked is addressed as #/components/schemas/<name>.
                            String name = "x-inline-response-" + inline++;
                            components.set(name, schema.deepCopy());
                            ((ObjectNode) media).set("schema", JSON.createObjectNode().put("$ref", SCHEMAS + name));
                        }
                    }
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        String text = JSON.writeValueAsString(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT, text)));
    }

    /** Reads a document as {@code /v3/api-docs} serves it. */
    public static OpenApiContract of(String document) {
        return new OpenApiContract((ObjectNode) JSON.readTree(document));
    }

    /** What is wrong with this response by the document; empty when nothing is. */
    public List<String> violations(HttpMethod method, URI uri, int status, @Nullable MediaType contentType, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Optional<Route> route = routes.stream()
                .filter(candidate -> candidate.pattern().matches(PathContainer.parsePath(path)))
                .filter(candidate -> candidate.item().has(method.name().toLowerCase(Locale.ROOT)))
                .findFirst();
        String request = method.name() + " " + path + " -> " + status;
        if (route.isEmpty()) {
            if (isProblem(contentType)) {
                return check(request, SCHEMAS + "Problem", body);
            }
            return path.startsWith("/api/") && body.length > 0
                    ? List.of(request + ": answered with a body, but the document has no operation " + method.name()
                            + " " + path)
                    : List.of();
        }
        String operation = method.name() + " " + route.get().template();
        JsonNode responses = route.get().item().path(method.name().toLowerCase(Locale.ROOT)).path("responses");
        JsonNode response = responses.path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = responses.path(status / 100 + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            return List.of(request + ": status " + status + " is not documented for " + operation);
        }
        JsonNode content = response.path("content");
        if (body.length == 0) {
            return content.isEmpty() || method == HttpMethod.HEAD ? List.of()
                    : List.of(request + ": " + operation + " documents a " + status + " body, the response has none");
        }
        if (contentType == null) {
            return List.of(request + ": a body without a Content-Type");
        }
        Optional<Map.Entry<String, JsonNode>> media = content.properties().stream()
                .filter(entry -> MediaType.parseMediaType(entry.getKey()).equalsTypeAndSubtype(contentType))
                .findFirst();
        if (media.isEmpty()) {
            return List.of(request + ": " + contentType + " is not a documented " + status + " content type of "
                    + operation + " (documented: " + content.propertyNames() + ")");
        }
        JsonNode schema = media.get().getValue().path("schema");
        if (!isComponentRef(schema)) {
            return List.of(request + ": " + operation + " documents no schema for its " + status + " " + media.get().getKey());
        }
        return check(request, schema.path("$ref").asString(), body);
    }

    private List<String> check(String request, String ref, byte[] body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(request + ": the body is not JSON");
        }
        Schema schema = schemas.computeIfAbsent(ref, key -> registry.getSchema(SchemaLocation.of(DOCUMENT + key)));
        List<Error> errors = schema.validate(instance);
        return errors.stream()
                .map(error -> request + ": " + error + " (schema " + ref.substring(SCHEMAS.length()) + ")")
                .toList();
    }

    private static boolean isComponentRef(JsonNode schema) {
        return schema.size() == 1 && schema.path("$ref").asString("").startsWith(SCHEMAS);
    }

    private static boolean isProblem(@Nullable MediaType contentType) {
        return contentType != null && MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(contentType);
    }

    /** {@code additionalProperties: false} wherever a schema lists its properties and says nothing else. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().stream()
                    .filter(entry -> !entry.getKey().equals("example") && !entry.getKey().equals("examples"))
                    .forEach(entry -> closeObjects(entry.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::closeObjects);
        }
    }
}
