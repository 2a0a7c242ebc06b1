/**
 * The shared kernel owns the small vocabulary every module speaks: typed ids, {@link live.blytz.sharedkernel.Money},
 * {@link live.blytz.sharedkernel.EmailAddress}, paging, domain errors and the ports to the shared store.
 * It is an open, shared module: every module may use all of its packages, and it depends on nothing.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package live.blytz.sharedkernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
