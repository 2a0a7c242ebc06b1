package live.blytz.app.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import live.blytz.sharedkernel.web.ClientAddress;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}: bearer security scheme, the {@code Problem} schema, and
 * the error responses every operation can give, so a client generator knows them without reading prose.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    static {
        // Resolved by the server from the connection and X-Forwarded-For: never a parameter clients send.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ClientAddress.class);
    }

    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "400", "Invalid request: malformed JSON or failing fields, all listed in `errors`",
            "413", "Request body too large",
            "415", "Body is not application/json",
            "429", "Rate limited; see `Retry-After`",
            "500", "Unexpected error; quote the `request_id`",
            "503", "A dependency is down; retry later");

    @Bean
    OpenAPI blytzOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Blytz API").version("v1")
                        .description("""
                                The Blytz live-stream marketplace API. JSON bodies use snake_case; errors are RFC 9457 \
                                problem details (`application/problem+json`) carrying a `request_id`; every response \
                                has an `X-Request-ID` header. Lists are `{"data": [...], "pagination": {...}}`.                                 Text anywhere in a request (path, query, headers, JSON strings) must be well-formed                                 Unicode without control characters; only multi-line fields (descriptions, `bio`) may                                 hold tab and line breaks: anything else is a 400 naming the field. Bodies are                                 `application/json` (a 204 has none, whatever `Accept` says); a route that does not                                 exist is a 404 for every caller."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /api/v1/auth/login")));
    }

    /**
     * Names schema properties as the API writes them. springdoc introspects with swagger's own (Jackson 2) mapper,
     * which knows nothing of the global snake_case naming of Boot's (Jackson 3) mapper: without this every schema
     * would document {@code startingPrice} for a {@code starting_price} on the wire.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    OpenApiCustomizer commonErrorResponses() {
        return openApi -> {
            // Added here, not on the bean: springdoc drops schemas no operation references before customizers run.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addErrors));
        };
    }

    private static void addErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        COMMON_ERRORS.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problemResponse(description));
            }
        });
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            responses.putIfAbsent("401", problemResponse("Missing, invalid, expired or revoked access token"));
            responses.putIfAbsent("403", problemResponse("Authenticated but not allowed"));
        }
        operation.setResponses(responses);
    }

    static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("starting_price"));
        fieldError.addProperty("message", new StringSchema().example("must be greater than 0"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri")
                .example("https://api.blytz.live/problems/validation-error"));
        problem.addProperty("title", new StringSchema().example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("The request has 1 invalid field"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/products"));
        problem.addProperty("request_id", new StringSchema().example("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
