package live.blytz.users.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** The users module's share of the application's single security filter chain. */
@Configuration(proxyBeanMethods = false)
class UsersAuthorizationRules {

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> usersRules() {
        return rules -> rules
                .requestMatchers("/api/v1/users/me").authenticated()
                .requestMatchers("/api/v1/admin/users", "/api/v1/admin/users/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/users/*").permitAll();
    }
}
