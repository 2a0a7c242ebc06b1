package live.blytz.platform.api;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.StreamHandover;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}. It is the API's contract: the schemas come from the records
 * the controllers return ({@link ContractModelResolver}), and what every operation shares (error responses,
 * security, paging bounds, regular expressions) is added in one place ({@link ContractCustomizer}). Every JSON body
 * the HTTP tests receive is validated against it, and Redocly lints it in CI.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    static {
        // The request's client (from the connection and X-Forwarded-For) and its connection: never parameters clients send.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ClientAddress.class, StreamHandover.class);
        // Built by the server from the verified access token: the bearer security scheme documents it.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // An event stream is text/event-stream, documented on its operation: the emitter is no schema of the API.
        SpringDocUtils.getConfig().replaceWithClass(SseEmitter.class, String.class);
    }

    @Bean
    OpenAPI blytzOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Blytz API").version("v1")
                        .description("""
                                The Blytz live-stream marketplace API. JSON bodies use snake_case; errors are RFC 9457 \
                                problem details (`application/problem+json`) carrying a `request_id`; every response \
                                has an `X-Request-ID` header. Lists are `{"data": [...], "pagination": {...}}`. \
                                Text anywhere in a request (path, query, headers, JSON strings) must be well-formed \
                                Unicode without control characters; only multi-line fields (descriptions, `bio`) may \
                                hold tab and line breaks: anything else is a 400 naming the field. Bodies are \
                                `application/json` (a 204 has none, whatever `Accept` says); a route that does not \
                                exist is a 404 for every caller. Operations that need a role list it in their security \
                                requirement (OpenAPI 3.1 role names); a token without one of them gets 403.""")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Blytz-Proprietary")))
                // Relative to the document, so it is right behind any proxy or load balancer.
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /api/v1/auth/login")));
    }

    @Bean
    ModelResolver contractModelResolver() {
        return new ContractModelResolver();
    }

    @Bean
    OpenApiCustomizer contractCustomizer() {
        return new ContractCustomizer();
    }
}
