package live.blytz.platform.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import live.blytz.sharedkernel.paging.PageRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation shares, stated once:
 * <ul>
 * <li>the problem responses the cross-cutting machinery can give (filters, security, problem advice), with the
 * {@code Problem} schema; an operation's own annotations come first and keep their wording;</li>
 * <li>{@code security} on every operation: {@code []} for public ones. A public operation still verifies a bearer
 * token that is sent, so it can answer 401, unless it says it ignores credentials by declaring
 * {@code @SecurityRequirements} with none (the public auth routes). Role names in a requirement mean 403 for a
 * token without one of them;</li>
 * <li>the bounds of {@code page} and {@code page_size}, from the {@link PageRequest} that enforces them;</li>
 * <li>Bean Validation's {@code @Pattern} matches the whole value, a JSON Schema {@code pattern} anywhere in it: every
 * pattern is anchored, so a client validating with the document accepts what the server accepts;</li>
 * <li>{@code @Schema(exclusiveMinimum = true)} is OpenAPI 3.0's boolean, which swagger drops in a 3.1 document: it
 * becomes 3.1's numeric {@code exclusiveMinimum} (and likewise for maxima).</li>
 * </ul>
 */
class ContractCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        // Added here, not on the bean: springdoc drops schemas no operation references before customizers run.
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ContractCustomizer::complete));
        }
        schemasOf(openApi).forEach(ContractCustomizer::normalise);
    }

    private static void complete(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean answersWithContent = responses.entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null
                        && !entry.getValue().getContent().isEmpty());
        add(responses, "400", "Invalid request: a malformed or failing parameter, header or body field, all listed "
                + "in `errors`");
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            add(responses, "401", operation.getSecurity() == null
                    ? "The request sent a bearer token that is invalid, expired or revoked (this operation needs none)"
                    : "Missing, invalid, expired or revoked access token");
        }
        if (requiresRole(operation)) {
            add(responses, "403", "The caller's role is not one this operation allows");
        }
        if (answersWithContent) {
            add(responses, "406", "The Accept header excludes application/json");
        }
        add(responses, "413", "Request body too large");
        if (body) {
            add(responses, "415", "The body is not application/json");
        }
        add(responses, "429", "Rate limited; see `Retry-After`");
        add(responses, "500", "Unexpected error; quote the `request_id`");
        add(responses, "503", "A dependency is down; retry after `Retry-After` seconds");
        // Controllers declare an operation's own errors by status and description only; every error is a problem.
        // (springdoc gives such a response the operation's return type as content: that is replaced too.)
        responses.forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3")
                    && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemResponse(response.getDescription()).getContent());
            }
        });
        operation.setResponses(responses);
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ContractCustomizer::bindPaging);
        }
    }

    private static boolean requiresRole(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .flatMap(requirement -> requirement.values().stream())
                .anyMatch(roles -> !roles.isEmpty());
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, problemResponse(description));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void bindPaging(Parameter parameter) {
        if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
            return;
        }
        Schema schema = parameter.getSchema();
        switch (parameter.getName()) {
            case "page" -> schema.minimum(BigDecimal.ONE)._default(1);
            case "page_size" -> schema.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_PAGE_SIZE))
                    ._default(PageRequest.DEFAULT_PAGE_SIZE);
            default -> {
            }
        }
    }

    /** Every schema of the document: components, parameters, request bodies and responses. */
    @SuppressWarnings("rawtypes")
    private static Stream<Schema> schemasOf(OpenAPI openApi) {
        Stream<Schema> components = openApi.getComponents().getSchemas() == null ? Stream.empty()
                : openApi.getComponents().getSchemas().values().stream();
        Stream<Schema> operations = openApi.getPaths() == null ? Stream.empty()
                : openApi.getPaths().values().stream()
                        .flatMap(path -> path.readOperations().stream())
                        .flatMap(ContractCustomizer::schemasOf);
        return Stream.concat(components, operations);
    }

    @SuppressWarnings("rawtypes")
    private static Stream<Schema> schemasOf(Operation operation) {
        Stream<Schema> parameters = operation.getParameters() == null ? Stream.empty()
                : operation.getParameters().stream().map(Parameter::getSchema);
        Stream<Schema> body = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? Stream.empty() : operation.getRequestBody().getContent().values().stream().map(MediaType::getSchema);
        Stream<Schema> responses = operation.getResponses() == null ? Stream.empty()
                : operation.getResponses().values().stream()
                        .filter(response -> response.getContent() != null)
                        .flatMap(response -> response.getContent().values().stream().map(MediaType::getSchema));
        return Stream.of(parameters, body, responses).flatMap(stream -> stream).filter(Objects::nonNull);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void normalise(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum()) && schema.getMinimum() != null) {
            schema.setExclusiveMinimumValue(schema.getMinimum());
            schema.setMinimum(null);
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMaximum()) && schema.getMaximum() != null) {
            schema.setExclusiveMaximumValue(schema.getMaximum());
            schema.setMaximum(null);
            schema.setExclusiveMaximum(null);
        }
        List<Schema> nested = new ArrayList<>();
        if (schema.getProperties() != null) {
            nested.addAll(((Map<String, Schema>) schema.getProperties()).values());
        }
        if (schema.getItems() != null) {
            nested.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            nested.add(additional);
        }
        Stream.of(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())
                .filter(Objects::nonNull)
                .forEach(list -> nested.addAll((Collection<Schema>) list));
        nested.forEach(ContractCustomizer::normalise);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("starting_price")
                .description("The JSON field, query parameter or header at fault (dotted path into the body)"));
        fieldError.addProperty("message", new StringSchema().example("must be greater than 0"));
        fieldError.required(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri")
                .example("https://api.blytz.live/problems/validation-error"));
        problem.addProperty("title", new StringSchema().example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
                .maximum(BigDecimal.valueOf(599)).example(400));
        problem.addProperty("detail", new StringSchema().example("The request has 1 invalid field"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/products"));
        problem.addProperty("request_id", new StringSchema().example("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e")
                .description("Also in the X-Request-ID header; quote it when reporting a problem"));
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("Validation failures only: every failing field at once"));
        // What a losing bid needs to try again (auctions): stated on its 409s, absent elsewhere.
        problem.addProperty("current_price", new io.swagger.v3.oas.models.media.NumberSchema()
                .description("Conflicts of a bid: the auction's current price"));
        problem.addProperty("minimum_next_bid", new io.swagger.v3.oas.models.media.NumberSchema()
                .description("Conflicts of a bid: the least the next bid may be"));
        problem.addProperty("currency", new StringSchema().example("EUR")
                .description("Conflicts of a bid: the auction's currency"));
        problem.addProperty("starts_at", new StringSchema().format("date-time")
                .description("Conflicts of a bid: when the auction starts taking bids"));
        problem.addProperty("ends_at", new StringSchema().format("date-time")
                .description("Conflicts of a bid: the auction's end, by the server's clock"));
        // Why a live show's lot cannot start, or the show end, yet (auctions' shows, ADR 0030).
        problem.addProperty("current_lot_id", new StringSchema().format("uuid")
                .description("Conflicts of a live show: the lot that is running"));
        problem.required(List.of("type", "title", "status", "request_id"));
        return problem;
    }
}
