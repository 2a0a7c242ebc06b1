package live.blytz;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Catalog with what it depends on, for its tests (ADR 0024): it scans {@code live.blytz.**}, which on this module's test
 * classpath is catalog, users, auth, the platform, the shared kernel and the test support. {@code @BlytzIntegrationTest} classes
 * of this module find it by walking up their packages. Its changelog is this module's test
 * {@code db/changelog/db.changelog-master.yaml}. As in {@code BlytzApplication}, the shared kernel is a shared module,
 * so that an {@code @ApplicationModuleTest} boots the module with it, as the application does (without it, catalog's
 * module test misses the platform's {@code CursorCodec}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "sharedkernel")
class CatalogTestApplication {
}
