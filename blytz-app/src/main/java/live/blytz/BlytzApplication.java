package live.blytz;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Blytz, the live-stream marketplace backend. Lives in package {@code live.blytz} so that Spring Modulith
 * finds the modules {@code auth}, {@code users}, {@code catalog} and {@code sharedkernel} beneath it.
 * <p>
 * One build, two topologies (ADR 0033): {@code BLYTZ_SERVICE} unset (or {@code monolith}) runs every module in this
 * process; {@code auth} runs the {@link AuthServiceApplication auth service}, {@code marketplace} the
 * {@link MarketplaceApplication marketplace}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Blytz", sharedModules = "sharedkernel")
public class BlytzApplication {

    public static void main(String[] args) {
        application(System.getenv("BLYTZ_SERVICE")).run(args);
    }

    static SpringApplicationBuilder application(@Nullable String service) {
        return switch (service == null || service.isBlank() ? "monolith" : service) {
            case "monolith" -> new SpringApplicationBuilder(BlytzApplication.class);
            case "auth" -> AuthServiceApplication.application();
            case "marketplace" -> MarketplaceApplication.application();
            default -> throw new IllegalArgumentException(
                    "BLYTZ_SERVICE must be monolith, auth or marketplace, not '" + service + "'");
        };
    }
}
