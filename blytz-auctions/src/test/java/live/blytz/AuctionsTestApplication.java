package live.blytz;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Auctions with what it depends on, for its tests (ADR 0024): it scans {@code live.blytz.**}, which on this module's
 * test classpath is auctions, catalog, users, auth, the platform, the shared kernel and the test support. Its
 * changelog is this module's test {@code db/changelog/db.changelog-master.yaml}. Public: a test starts a second instance.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "sharedkernel")
public class AuctionsTestApplication {
}
