package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, only published APIs and named interfaces used across modules) and
 * writes the module diagrams and canvases into {@code docs/modules} in a stable order, so the committed picture
 * is always current and two branches that change nothing in a module never conflict there.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BlytzApplication.class, new ProductionClasses());
    private static final Path DOCS = Path.of("../docs/modules");

    @Test
    void findsEveryModule() {
        // Guards against a vacuous verify(): with the application class in the wrong package Modulith finds none.
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("sharedkernel", "auth", "users", "catalog", "auctions", "platform");
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
    void theDocumentationIsWrittenInAStableOrder() {
        assertThat(StableOrder.sortRuns(List.of("|* `b`", "* `a`", "|x", "Rel(b)", "Rel(a)", "other")))
                .containsExactly("|* `a`", "* `b`", "|x", "Rel(a)", "Rel(b)", "other");
    }
}
