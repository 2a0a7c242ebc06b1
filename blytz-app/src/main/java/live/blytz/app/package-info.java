/**
 * The application assembly: runtime (embedded or external PostgreSQL and Redis), the single security filter
 * chain, RFC 9457 problem details, request ids, rate limiting, CORS, OpenAPI and observability.
 * It depends on every module; no module depends on it.
 */
@ApplicationModule(displayName = "App")
@NullMarked
package live.blytz.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
