/** The guard around the application's DataSource: connections come through the {@code database} circuit breaker (ADR 0022). */
@NullMarked
package live.blytz.platform.database;

import org.jspecify.annotations.NullMarked;
