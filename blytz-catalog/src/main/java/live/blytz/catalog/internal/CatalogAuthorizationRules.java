package live.blytz.catalog.internal;

import live.blytz.sharedkernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The catalog module's share of the application's single security filter chain: reads are public (except a
 * seller's own list), category writes and featuring are for admins, product writes for sellers and admins. Who
 * owns which product is checked in {@code ProductService}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogAuthorizationRules {

    private static final String SELLER = Role.SELLER.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> catalogRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/products/mine").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/categories/**",
                        "/api/v1/products", "/api/v1/products/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/categories").hasRole(ADMIN)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/categories/*").hasRole(ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/categories/*").hasRole(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/products/*/featured").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/products").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.PATCH, "/api/v1/products/*").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/products/*").hasAnyRole(SELLER, ADMIN);
    }
}
