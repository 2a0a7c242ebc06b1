package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * A refused CORS request (an origin, method or header the configuration does not allow) is a 403 problem like every
 * other error, not Spring's bare {@code Invalid CORS request} text. Spring Security's {@code cors()} uses the bean
 * named {@code corsFilter}; it runs inside the security chain only, not a second time as a servlet filter.
 */
@Configuration(proxyBeanMethods = false)
class ProblemCorsConfiguration {

    @Bean
    CorsFilter corsFilter(@Qualifier("corsConfigurationSource") CorsConfigurationSource source,
            ProblemResponseWriter problems) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOnlyInTheSecurityChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ProblemResponseWriter problems;

        ProblemCorsProcessor(ProblemResponseWriter problems) {
            this.problems = problems;
        }

        @Override
        public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            boolean accepted = super.processRequest(config, request, response);
            if (!accepted) {
                problems.write(request, response, ProblemResponseWriter.problem(request, HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN, "Forbidden", "This cross-origin request is not allowed (CORS)"));
            }
            return accepted;
        }

        /** Leaves the body to {@link #processRequest}, which writes the problem. */
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
        }
    }
}
