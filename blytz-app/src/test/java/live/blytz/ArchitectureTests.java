package live.blytz;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Spring Modulith does not check: the roles inside a module (ADR 0023), one idiom for each cross-cutting need
 * (the caller, time, SQL, partial updates), a Spring-free kernel, and minimal public surface.
 */
@AnalyzeClasses(packages = "live.blytz", importOptions = ProductionClasses.class)
class ArchitectureTests {

    private static final String[] MODULES = {"live.blytz.auth..", "live.blytz.users..", "live.blytz.catalog..",
            "live.blytz.auctions.."};

    @ArchTest
    static final ArchRule controllersSitInTheirFeaturePackage = classes()
            .that().resideInAnyPackage(MODULES)
            .and().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("live.blytz.*.internal.*")
            .andShould().resideOutsideOfPackage("live.blytz.*.internal.web")
            .because("a feature's controller sits beside the service it calls, in internal/<feature>/, not in a "
                    + "layer package (ADR 0023)");

    @ArchTest
    static final ArchRule controllersDoNotTouchPersistence = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Queries")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.data.jdbc..", "org.springframework.data.relational..")
            .because("a controller calls the service beside it; SQL lives in *Repository and *Queries classes");

    @ArchTest
    static final ArchRule controllersTakeTheCallerNotTheToken = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("not take the raw access token") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (method.getRawParameterTypes().stream().anyMatch(type -> type.isAssignableTo(Jwt.class))) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a Jwt"));
                    }
                }
            })
            .because("who is calling is the shared kernel's Caller, built once from the token by the application");

    @ArchTest
    static final ArchRule theCallerIsTheSharedKernels = noClasses()
            .that().resideInAnyPackage(MODULES)
            .should().haveSimpleName("Caller").orShould().haveSimpleName("Callers")
            .because("one Caller (live.blytz.sharedkernel.Caller) is read from the token in one place (app.security)");

    @ArchTest
    static final ArchRule handSqlGoesThroughJdbcClient = noClasses()
            .that().resideInAnyPackage(MODULES)
            .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
            .because("hand SQL uses JdbcClient, aggregates Spring Data JDBC: one JDBC API to read");

    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .that().resideInAnyPackage(MODULES)
            .should(callMethod(Clock.class, "systemUTC")
                    .or(callMethod(Clock.class, "systemDefaultZone"))
                    .or(callMethod(Instant.class, "now")))
            .because("\"now\" comes from the application's one Clock bean, injected, so that time is testable");

    @ArchTest
    static final ArchRule partialUpdatesArePatches = noFields()
            .that().areDeclaredInClassesThat().resideInAnyPackage(MODULES)
            .should().haveRawType(Optional.class)
            .because("a field that may be absent or null is a sharedkernel Patch (or @Nullable), never an Optional");

    @ArchTest
    static final ArchRule sharedKernelHasNoSpring = noClasses()
            .that().resideInAPackage("live.blytz.sharedkernel..")
            .and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.redisson..")
            .because("the shared kernel must be usable by any module and by a future separate service");

    @ArchTest
    static final ArchRule everyModulePackageIsApiEventsOrInternal = classes()
            .that().resideInAnyPackage(MODULES)
            .should().resideInAnyPackage(
                    "live.blytz.auth", "live.blytz.auth.events", "live.blytz.auth.internal..",
                    "live.blytz.users", "live.blytz.users.events", "live.blytz.users.internal..",
                    "live.blytz.catalog", "live.blytz.catalog.events", "live.blytz.catalog.internal..",
                    "live.blytz.auctions", "live.blytz.auctions.events", "live.blytz.auctions.internal..")
            .because("a module publishes its root package (API) and events; everything else is internal");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().resideInAnyPackage(MODULES)
            .and().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .allowEmptyShould(true)
            .because("controllers are found by component scanning; nothing outside their package needs them");

    @ArchTest
    static final ArchRule modulesDoNotReachIntoThePlatform = noClasses()
            .that().resideInAnyPackage("live.blytz.auth..", "live.blytz.users..", "live.blytz.catalog..",
                    "live.blytz.auctions..", "live.blytz.sharedkernel..")
            .should().dependOnClassesThat().resideInAPackage("live.blytz.platform..")
            .because("the platform serves the modules through the shared kernel's ports; modules know only the shared "
                    + "kernel and each other's APIs");

    @ArchTest
    static final ArchRule noModuleCallsIntoAuth = noClasses()
            .that().resideInAnyPackage("live.blytz.users..", "live.blytz.catalog..", "live.blytz.auctions..")
            .should().dependOnClassesThat().resideInAPackage("live.blytz.auth")
            .because("auth must stay extractable: other modules only listen to its events");
}
