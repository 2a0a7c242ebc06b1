package live.blytz.platform.web;

import java.time.Duration;
import java.util.List;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet filters around every request, outermost first: request id, body size limit, per-IP rate limit,
 * the text rule for path, parameters and headers (all before Spring Security, at {@code -100}), then the named
 * rate-limit policies inside Spring MVC and the strict check of query parameters and path variables
 * ({@link StrictQueryConversion}, {@link StrictParameters}). Also the JSON converter (content negotiation, the
 * text rule for bodies) and Tomcat's error report for requests it refuses before any filter.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final RateLimiter limiter;
    private final RateLimitProperties rateLimits;
    private final ClientAddressResolver clients;
    private final StreamHandoverResolver streams;
    private final ProblemResponseWriter problems;
    private final JsonMapper json;
    private final ObjectProvider<ConversionService> mvcConversionService;

    WebConfiguration(RateLimiter limiter, RateLimitProperties rateLimits, ClientAddressResolver clients,
            StreamHandoverResolver streams, ProblemResponseWriter problems, JsonMapper json,
            @Qualifier("mvcConversionService") ObjectProvider<ConversionService> mvcConversionService) {
        this.limiter = limiter;
        this.rateLimits = rateLimits;
        this.clients = clients;
        this.streams = streams;
        this.problems = problems;
        this.json = json;
        this.mvcConversionService = mvcConversionService;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebProperties web) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(web.maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter() {
        RateLimitPolicy perIp = rateLimits.perIp().toPolicy("ip");
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, perIp, clients, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(rateLimits.enabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter() {
        var registration = new FilterRegistrationBean<>(new RequestTextFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** Runs after Boot's own configurer (order 0), so this JSON converter is the one MVC uses. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new ApiJsonConverter(json.rebuild().addModule(new RequestBodyTextModule())
                .addModule(new TypeProblemModule()).build()));
    }

    /**
     * Replaces the error report valve Boot puts on the host with {@link ProblemReportValve}, and names its class
     * as the host's error report valve, so that Tomcat does not add its stock one when the host starts.
     */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(
            ObjectProvider<ProblemResponseWriter> problems) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve(problems));
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        StrictQueryConversion.register(registry);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(clients);
        resolvers.add(streams);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (rateLimits.enabled()) {
            registry.addInterceptor(new RateLimitInterceptor(limiter, rateLimits, clients, problems));
        }
        registry.addInterceptor(new StrictParameters(mvcConversionService.getObject()));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (web.corsAllowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        // auth's device token (ADR 0016): a browser sends its cookie only with credentials; other clients the header.
        cors.setAllowCredentials(true);
        // Idempotency-Key: a bid (ADR 0025); Last-Event-ID: resuming an auction stream (ADR 0028).
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", RequestIds.HEADER,
                "Blytz-Device-Token", "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, "ETag", "Location", "Retry-After",
                "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed"));
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Fails start-up when an endpoint names a rate-limit policy that is not configured. */
    @EventListener(ContextRefreshedEvent.class)
    void checkRateLimitPolicies(ContextRefreshedEvent event) {
        event.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().values().stream())
                .map(RateLimitInterceptor::policyName)
                .filter(name -> name != null && !rateLimits.policies().containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalStateException(
                            "Rate-limit policy '" + name + "' is used but not configured in blytz.rate-limit.policies");
                });
    }
}
