package live.blytz;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * What the architecture tests analyse: the classes the application ships. Tests are left out, and so is the shared
 * test support (blytz-test-support, ADR 0024), a jar on the test classpath whose probes break production rules on
 * purpose (a controller that kills its own database connection).
 */
final class ProductionClasses implements ImportOption {

    private static final ImportOption TESTS = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return TESTS.includes(location) && !location.contains("blytz-test-support");
    }
}
