package live.blytz.auth.internal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** The auth module's share of the application's single security filter chain. */
@Configuration(proxyBeanMethods = false)
class AuthAuthorizationRules {

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> authRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                        "/api/v1/auth/refresh", "/api/v1/auth/password-reset/request",
                        "/api/v1/auth/password-reset/confirm", "/api/v1/auth/email-verification/confirm").permitAll()
                .requestMatchers("/api/v1/auth/accounts/**", "/api/v1/auth/signing-keys/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/auth/**").authenticated();
    }
}
