/**
 * Everything the auction reads show: the public list (filters, sorts, keyset cursors), one auction as the caller may
 * see it, its bid history with anonymous handles, the caller's own auctions and bids.
 */
@NullMarked
package live.blytz.auctions.internal.browse;

import org.jspecify.annotations.NullMarked;
