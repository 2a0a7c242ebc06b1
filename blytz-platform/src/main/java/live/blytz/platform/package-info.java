/**
 * The platform every module runs on: runtime (embedded or external PostgreSQL and Redis), the single security
 * filter chain, RFC 9457 problem details, request ids, rate limiting, CORS, OpenAPI and observability.
 * It depends on the shared kernel only; no module depends on it, and the application ({@code blytz-app}) assembles
 * it with the modules.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package live.blytz.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
