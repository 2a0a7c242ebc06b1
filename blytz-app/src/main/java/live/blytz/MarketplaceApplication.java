package live.blytz;

import live.blytz.auth.JwksTokenVerification;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The marketplace of the split topology (ADR 0033): the platform and every module but auth, with their schemas
 * ({@code db.changelog-marketplace.yaml}) and the {@code marketplace} profile. Access tokens are verified with auth's
 * JWKS over HTTP and revocations read from the shared Redis ({@link JwksTokenVerification}); auth's events arrive
 * through the broker. Nothing of auth's internals is scanned, so no bean of this process can reach auth's schema.
 * Not a {@code @Configuration}, so that the monolith's component scan never picks it up; started by
 * {@link BlytzApplication#main} with {@code BLYTZ_SERVICE=marketplace}.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"live.blytz.platform", "live.blytz.users", "live.blytz.catalog",
        "live.blytz.auctions"}, excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@ConfigurationPropertiesScan({"live.blytz.platform", "live.blytz.users", "live.blytz.catalog", "live.blytz.auctions"})
@EnableJdbcRepositories({"live.blytz.users", "live.blytz.catalog", "live.blytz.auctions"})
@Import(JwksTokenVerification.class)
public final class MarketplaceApplication {

    static final String PROFILE = "marketplace";

    private MarketplaceApplication() {
    }

    /** The marketplace, to be run with the process's arguments. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(MarketplaceApplication.class).profiles(PROFILE);
    }
}
