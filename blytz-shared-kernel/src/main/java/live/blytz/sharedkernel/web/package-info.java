/** Plain-Java helpers for HTTP concerns every module shares (no servlet or Spring types). */
@NullMarked
package live.blytz.sharedkernel.web;

import org.jspecify.annotations.NullMarked;
