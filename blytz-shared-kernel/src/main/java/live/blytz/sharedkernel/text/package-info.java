/** What text the API accepts: {@link live.blytz.sharedkernel.text.TextRule}, one rule for every entry point. */
@NullMarked
package live.blytz.sharedkernel.text;

import org.jspecify.annotations.NullMarked;
