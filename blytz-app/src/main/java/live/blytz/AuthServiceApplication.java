package live.blytz;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The auth service of the split topology (ADR 0033): the platform and the auth module only — its routes, the JWKS,
 * its schema ({@code db.changelog-auth-service.yaml}) and its scheduled jobs — with the {@code auth-service} profile.
 * Not a {@code @Configuration}, so that the monolith's component scan of {@code live.blytz} never picks it up; started
 * by {@link BlytzApplication#main} with {@code BLYTZ_SERVICE=auth}.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"live.blytz.platform", "live.blytz.auth"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@ConfigurationPropertiesScan({"live.blytz.platform", "live.blytz.auth"})
@EnableJdbcRepositories("live.blytz.auth")
public final class AuthServiceApplication {

    static final String PROFILE = "auth-service";

    private AuthServiceApplication() {
    }

    /** The auth service, to be run with the process's arguments. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AuthServiceApplication.class).profiles(PROFILE);
    }
}
