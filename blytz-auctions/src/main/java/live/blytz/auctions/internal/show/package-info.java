/**
 * Live shows (ADR 0030): a seller's show with its provider's playback URL, its lots (products reserved in catalog when
 * added), run one at a time as short auctions with their own soft close, and the show's log that its stream sends.
 */
@NullMarked
package live.blytz.auctions.internal.show;

import org.jspecify.annotations.NullMarked;
