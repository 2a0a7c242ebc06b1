/**
 * Auctions as they change: the {@code Auction} aggregate (its rules, and the facts each decision appends to the log),
 * the event log and its projections, and the write use cases with their endpoints: open, bid, buy now, cancel, and the
 * closer that starts and ends due auctions.
 */
@NullMarked
package live.blytz.auctions.internal.auction;

import org.jspecify.annotations.NullMarked;
