package live.blytz.auctions.internal;

import live.blytz.sharedkernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The auctions module's share of the application's single security filter chain: reads are public (but the caller's
 * own lists), opening is for sellers and admins, bidding and buying for any signed-in account; shows are opened by
 * sellers and run by sellers and admins. Whose auction or show it is, and who may bid on it, is checked in the
 * services.
 */
@Configuration(proxyBeanMethods = false)
class AuctionsAuthorizationRules {

    private static final String SELLER = Role.SELLER.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> auctionsRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/auctions/mine").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/v1/auctions/mine/bids").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/auctions", "/api/v1/auctions/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/auctions").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/auctions/*/cancel").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/auctions/*/bids", "/api/v1/auctions/*/buy-now")
                .authenticated()
                // Live shows (ADR 0030): sellers open them; their seller or an admin changes them (checked in the service).
                .requestMatchers(HttpMethod.GET, "/api/v1/shows", "/api/v1/shows/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/shows").hasRole(SELLER)
                .requestMatchers(HttpMethod.POST, "/api/v1/shows/*/lots", "/api/v1/shows/*/lots/*/start",
                        "/api/v1/shows/*/end").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/shows/*/lots/order").hasAnyRole(SELLER, ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/shows/*/lots/*").hasAnyRole(SELLER, ADMIN);
    }
}
