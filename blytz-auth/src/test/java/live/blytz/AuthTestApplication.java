package live.blytz;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Auth with what it depends on, for its tests (ADR 0024): it scans {@code live.blytz.**}, which on this module's test
 * classpath is auth, the platform, the shared kernel and the test support. {@code @BlytzIntegrationTest} classes of
 * this module find it by walking up their packages. Its changelog is this module's test
 * {@code db/changelog/db.changelog-master.yaml}. As in {@code BlytzApplication}, the shared kernel is a shared module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "sharedkernel")
class AuthTestApplication {
}
