/** Circuit breakers in front of the app's dependencies, PostgreSQL and Redis: fail fast while one is down (ADR 0022). */
@NullMarked
package live.blytz.platform.resilience;

import org.jspecify.annotations.NullMarked;
