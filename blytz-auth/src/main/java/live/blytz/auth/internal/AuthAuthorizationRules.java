package live.blytz.auth.internal;

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
                .requestMatchers(HttpMethod.POST, PublicRouteBearerTokens.PUBLIC_POSTS.toArray(String[]::new)).permitAll()
                .requestMatchers("/api/v1/auth/accounts/**", "/api/v1/auth/signing-keys/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/auth/**").authenticated();
    }
}
