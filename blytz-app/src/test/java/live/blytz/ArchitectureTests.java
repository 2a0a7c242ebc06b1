package live.blytz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** What Spring Modulith does not check: layering inside a module, a Spring-free kernel, and minimal public surface. */
@AnalyzeClasses(packages = "live.blytz", importOptions = ProductionClasses.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = noClasses()
            .that().resideInAPackage("..internal.web..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.data.jdbc..", "org.springframework.data.relational..")
            .because("controllers go through the module's application services, never straight to tables");

    @ArchTest
    static final ArchRule sharedKernelHasNoSpring = noClasses()
            .that().resideInAPackage("live.blytz.sharedkernel..")
            .and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.redisson..")
            .because("the shared kernel must be usable by any module and by a future separate service");

    @ArchTest
    static final ArchRule everyModulePackageIsApiEventsOrInternal = classes()
            .that().resideInAnyPackage("live.blytz.auth..", "live.blytz.users..", "live.blytz.catalog..")
            .should().resideInAnyPackage(
                    "live.blytz.auth", "live.blytz.auth.events", "live.blytz.auth.internal..",
                    "live.blytz.users", "live.blytz.users.events", "live.blytz.users.internal..",
                    "live.blytz.catalog", "live.blytz.catalog.events", "live.blytz.catalog.internal..")
            .because("a module publishes its root package (API) and events; everything else is internal");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().resideInAnyPackage("live.blytz.auth..", "live.blytz.users..", "live.blytz.catalog..")
            .and().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .allowEmptyShould(true)
            .because("controllers are found by component scanning; nothing outside their package needs them");

    @ArchTest
    static final ArchRule modulesDoNotReachIntoThePlatform = noClasses()
            .that().resideInAnyPackage("live.blytz.auth..", "live.blytz.users..", "live.blytz.catalog..",
                    "live.blytz.sharedkernel..")
            .should().dependOnClassesThat().resideInAPackage("live.blytz.platform..")
            .because("the platform serves the modules through the shared kernel's ports; modules know only the shared "
                    + "kernel and each other's APIs");

    @ArchTest
    static final ArchRule noModuleCallsIntoAuth = noClasses()
            .that().resideInAnyPackage("live.blytz.users..", "live.blytz.catalog..")
            .should().dependOnClassesThat().resideInAPackage("live.blytz.auth")
            .because("auth must stay extractable: other modules only listen to its events");
}
