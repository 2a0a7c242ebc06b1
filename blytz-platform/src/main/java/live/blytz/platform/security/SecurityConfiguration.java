package live.blytz.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import live.blytz.platform.web.ProblemResponseWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The one stateless security filter chain. The app contributes only what is its own (health, docs, actuator);
 * each module contributes its routes' rules as a {@code Customizer} bean, and whatever nobody claimed needs an
 * authenticated caller. A path no route has goes through to Spring MVC's 404, for everyone ({@link UnmappedRoutes}).
 * Bearer tokens are verified by the {@link JwtDecoder} the auth module provides; without one, nothing can
 * authenticate and every protected route is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The rules that come before every module's. Spring Security applies each {@code Customizer} bean of the
     * authorization DSL to the chain's {@code HttpSecurity} in {@code @Order}, before {@link #apiSecurity} adds its
     * own: so these come first, the modules' next, and the catch-alls of {@code apiSecurity} last.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> appRules(
            @Value("${management.server.port:}") @Nullable Integer managementPort,
            @Value("${server.port:8080}") int serverPort) {
        return rules -> rules.requestMatchers("/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // Scrapers reach metrics on the management port, which only the internal network sees.
                .requestMatchers(onManagementPort(managementPort, serverPort)).permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
    }

    /**
     * No observations of Spring Security's own: otherwise every request wraps each filter of the chain, the
     * authentication and the authorization in an observation, even when a predicate makes them no-ops (~6 % of an
     * authenticated read's CPU, bench README). {@code http.server.requests} still times every request as a whole.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            ProblemResponseWriter problems, SecurityHeadersProperties headers, HandlerMappingIntrospector handlers,
            @Value("${management.server.port:}") @Nullable Integer managementPort,
            @Value("${server.port:8080}") int serverPort) throws Exception {
        // Asked only when a request is refused: a route lookup per request costs every caller (ADR 0027).
        RequestMatcher unmapped = unmapped(handlers, managementPort, serverPort);
        var entryPoint = new ProblemAuthenticationEntryPoint(problems, unmapped);
        var accessDenied = new ProblemAccessDeniedHandler(problems, unmapped);
        http
                // A bearer-token API keeps no session and reads no cookies: CSRF has nothing to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                .headers(h -> {
                    h.contentTypeOptions(Customizer.withDefaults());
                    h.frameOptions(frame -> frame.deny());
                    h.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
                    if (headers.hsts()) {
                        h.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true));
                    } else {
                        h.httpStrictTransportSecurity(hsts -> hsts.disable());
                    }
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(rules -> rules.requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterAfter(new UserIdMdcFilter(), BearerTokenAuthenticationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtAuthenticationConverter()))
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(failureHandler(entryPoint));
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /**
     * Every failed bearer authentication goes to the entry point, also an {@code AuthenticationServiceException}
     * (a dependency such as the revocation store is down), which the default handler rethrows as a 500; the entry
     * point answers it with 503.
     */
    static AuthenticationFailureHandler failureHandler(AuthenticationEntryPoint entryPoint) {
        AuthenticationEntryPointFailureHandler handler = new AuthenticationEntryPointFailureHandler(entryPoint);
        handler.setRethrowAuthenticationServiceException(false);
        return handler;
    }

    /**
     * Requests on the API port whose path no route has. The management port's routes live in a child context that
     * the introspector does not see, so its requests are left to the actuator rules.
     */
    private static RequestMatcher unmapped(HandlerMappingIntrospector handlers, @Nullable Integer managementPort,
            int serverPort) {
        RequestMatcher unmapped = new UnmappedRoutes(handlers);
        if (managementPort == null || managementPort <= 0 || managementPort == serverPort) {
            return unmapped;
        }
        return request -> request.getLocalPort() != managementPort && unmapped.matches(request);
    }

    /** Actuator requests that arrived on a management port distinct from the API's; none without such a port. */
    private static RequestMatcher onManagementPort(@Nullable Integer managementPort, int serverPort) {
        if (managementPort == null || managementPort <= 0 || managementPort == serverPort) {
            return request -> false;
        }
        return request -> request.getLocalPort() == managementPort && request.getRequestURI().startsWith("/actuator/");
    }

    /** Maps the token's {@code roles} claim ({@code ["seller"]}) to authorities ({@code ROLE_SELLER}). */
    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter());
        return converter;
    }

    /** The caller's roles (read by {@link Callers}, as controllers get them) as Spring Security authorities. */
    private static final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            return Callers.of(jwt).roles().stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                    .toList();
        }
    }

    /** Controllers take the {@link live.blytz.sharedkernel.Caller} as a parameter. */
    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
