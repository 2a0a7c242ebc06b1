package live.blytz.catalog.internal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** The catalog module's share of the application's single security filter chain. */
@Configuration(proxyBeanMethods = false)
class CatalogAuthorizationRules {

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> catalogRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/products/mine").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/categories/**",
                        "/api/v1/products", "/api/v1/products/**").permitAll();
    }
}
