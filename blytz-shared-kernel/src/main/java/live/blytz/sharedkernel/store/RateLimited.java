package live.blytz.sharedkernel.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an endpoint under a named, stricter rate-limit policy on top of the per-IP default. The policy's limit
 * and window come from configuration ({@code blytz.rate-limit.policies.<name>}), so modules name a policy
 * without depending on the application that enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The policy's name, e.g. {@code "auth-login"}. */
    String value();
}
