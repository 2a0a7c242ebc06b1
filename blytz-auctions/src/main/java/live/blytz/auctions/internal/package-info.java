/**
 * The auctions module's implementation, not visible to other modules: one package per feature ({@code auction}: the
 * aggregate, its event log and projections, opening, bidding, buying, cancelling and closing; {@code browse}: the
 * reads; {@code account}: the read model of suspended accounts; {@code stream}: the live event streams of auctions and
 * shows; {@code show}: live shows and their lots), module-wide settings and route rules here (ADR 0023).
 */
@NullMarked
package live.blytz.auctions.internal;

import org.jspecify.annotations.NullMarked;
