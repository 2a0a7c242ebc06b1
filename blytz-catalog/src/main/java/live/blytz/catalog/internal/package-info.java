/**
 * The catalog module's implementation, not visible to other modules: one package per feature ({@code product},
 * {@code browse}, {@code category}, {@code seller}, {@code cache}, {@code demo}), each with its controller beside the
 * service it calls; module-wide settings and route rules here (ADR 0023).
 */
@NullMarked
package live.blytz.catalog.internal;

import org.jspecify.annotations.NullMarked;
