package live.blytz;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform on its own, for its tests (ADR 0024): like {@code BlytzApplication} it sits in {@code live.blytz} and
 * scans everything beneath it, which on this module's test classpath is the platform, the shared kernel and the test
 * support, and no module. {@code @BlytzIntegrationTest} classes of this module find it by walking up their packages.
 * Its changelog is this module's test {@code db/changelog/db.changelog-master.yaml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
class PlatformTestApplication {
}
