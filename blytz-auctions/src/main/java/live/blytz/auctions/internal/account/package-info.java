/** Auctions' own read model of suspended accounts, kept in step with auth's events. */
@NullMarked
package live.blytz.auctions.internal.account;

import org.jspecify.annotations.NullMarked;
