package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, only published APIs and named interfaces used across modules) and
 * writes the module diagrams and canvases into {@code docs/modules} in a stable order, so the committed picture
 * is always current and two branches that change nothing in a module never conflict there. It also keeps the module
 * description the app ships current (ADR 0026).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BlytzApplication.class, new ProductionClasses());
    private static final Path DOCS = Path.of("../docs/modules");
    // Read by the actuator's modulith endpoint instead of an ArchUnit import of the classpath at every start (ADR 0026).
    private static final Path SHIPPED_DESCRIPTION =
            Path.of("src/main/resources", ApplicationModulesExporter.DEFAULT_LOCATION);

    @Test
    void findsEveryModule() {
        // Guards against a vacuous verify(): with the application class in the wrong package Modulith finds none.
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("sharedkernel", "auth", "users", "catalog", "platform");
    }

    @Test
    void verifiesTheModuleStructure() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        StableOrder.apply(DOCS);
    }

    @Test
    void theShippedModuleDescriptionIsCurrent() throws IOException {
        String current = StableOrder.json(new ApplicationModulesExporter(MODULES).toJson());
        String shipped = Files.exists(SHIPPED_DESCRIPTION)
                ? Files.readString(SHIPPED_DESCRIPTION, StandardCharsets.UTF_8) : "";
        if (!shipped.equals(current)) {
            Files.createDirectories(SHIPPED_DESCRIPTION.getParent());
            Files.writeString(SHIPPED_DESCRIPTION, current, StandardCharsets.UTF_8);
        }
        assertThat(shipped).as("%s was out of date and has been rewritten: build again and commit it",
                SHIPPED_DESCRIPTION).isEqualTo(current);
    }

    @Test
    void theDocumentationIsWrittenInAStableOrder() {
        assertThat(StableOrder.sortRuns(List.of("|* `b`", "* `a`", "|x", "Rel(b)", "Rel(a)", "other")))
                .containsExactly("|* `a`", "* `b`", "|x", "Rel(a)", "Rel(b)", "other");
        assertThat(StableOrder.json("{\"b\": [\"y\", \"x\"], \"a\": {}}"))
                .isEqualTo("{\n  \"a\" : { },\n  \"b\" : [ \"x\", \"y\" ]\n}\n");
    }
}
