/**
 * Auctions' own read model of accounts: which are suspended, from auth's events, and their display names, from users'
 * events.
 */
@NullMarked
package live.blytz.auctions.internal.account;

import org.jspecify.annotations.NullMarked;
