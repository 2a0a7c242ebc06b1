package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, only published APIs and named interfaces used across modules) and
 * writes the module diagrams and canvases into {@code docs/modules}, so the committed picture is always current.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BlytzApplication.class);

    @Test
    void findsEveryModule() {
        // Guards against a vacuous verify(): with the application class in the wrong package Modulith finds none.
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("sharedkernel", "auth", "users", "catalog", "app");
    }

    @Test
    void verifiesTheModuleStructure() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
