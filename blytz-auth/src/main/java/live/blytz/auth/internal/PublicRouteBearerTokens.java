package live.blytz.auth.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The resource server refuses any request that carries an invalid bearer token, even on a public route. A client
 * whose access token has expired still sends it, and then could not refresh, log in, register or reset its
 * password. On those public auth routes the {@code Authorization} header is therefore ignored; everywhere else the
 * token is read as usual. (Spring Security's resource-server configurer uses a {@link BearerTokenResolver} bean.)
 */
@Configuration(proxyBeanMethods = false)
class PublicRouteBearerTokens {

    static final Set<String> PUBLIC_POSTS = Set.of("/api/v1/auth/register", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/password-reset/request", "/api/v1/auth/password-reset/confirm",
            "/api/v1/auth/email-verification/confirm");

    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return new BearerTokenResolver() {
            @Override
            public @Nullable String resolve(HttpServletRequest request) {
                return isPublicPost(request) ? null : standard.resolve(request);
            }
        };
    }

    private static boolean isPublicPost(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && PUBLIC_POSTS.contains(pathWithinApplication(request));
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
