/** Demo data for the {@code demo} profile: a browsable catalogue on a developer's first run, and the benchmark's. */
@NullMarked
package live.blytz.catalog.internal.demo;

import org.jspecify.annotations.NullMarked;
