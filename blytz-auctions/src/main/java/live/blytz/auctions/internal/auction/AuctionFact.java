package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import live.blytz.catalog.AuctionableProduct;
import live.blytz.sharedkernel.Money;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an auction's event log (ADR 0025): a fact, stored as {@code type} and a JSON {@code payload}. Each
 * carries what changed, so that folding the log needs no rule: the rules ran once, when the fact was decided. These
 * are the module's own records; the published events are in {@code live.blytz.auctions.events}.
 */
sealed interface AuctionFact {

    /** The type codes of the log, and the record each names. */
    Map<String, Class<? extends AuctionFact>> TYPES = Map.of(
            "opened", Opened.class, "started", Started.class, "bid_placed", BidAccepted.class,
            "proxy_bid", ProxyBid.class, "max_raised", MaxRaised.class, "max_withdrawn", MaxWithdrawn.class,
            "extended", Extended.class, "bought_now", BoughtNow.class,
            "ended", Ended.class, "cancelled", Cancelled.class);

    default String type() {
        return TYPES.entrySet().stream().filter(entry -> entry.getValue() == getClass()).findFirst().orElseThrow()
                .getKey();
    }

    /**
     * The seller opened it, scheduled or (when {@code startsAt} is not in the future) running, with the product's
     * prices of that moment. {@code extension} is its own soft-close window (a show's lot, ADR 0030); null: the
     * configured default (every auction opened before ADR 0030 too).
     */
    record Opened(UUID productId, UUID sellerId, UUID categoryId, String title, String currency,
            BigDecimal startingPrice, @Nullable BigDecimal reservePrice, @Nullable BigDecimal buyNowPrice,
            Instant startsAt, Instant endsAt, boolean running, @Nullable Duration extension) implements AuctionFact {

        static Opened of(AuctionableProduct reserved, Instant startsAt, Instant endsAt, boolean running,
                @Nullable Duration extension) {
            return new Opened(reserved.id(), reserved.sellerId().value(), reserved.categoryId(), reserved.title(),
                    reserved.startingPrice().currency().getCurrencyCode(), reserved.startingPrice().amount(),
                    amount(reserved.reservePrice()), amount(reserved.buyNowPrice()), startsAt, endsAt, running,
                    extension);
        }

        private static @Nullable BigDecimal amount(@Nullable Money money) {
            return money == null ? null : money.amount();
        }
    }

    /** A scheduled auction reached its start. */
    record Started() implements AuctionFact {
    }

    /**
     * A bidder's bid, standing at {@code amount} (their maximum is {@code maxAmount}); after it the price is
     * {@code price}, led by {@code leaderId} with maximum {@code leaderMax}.
     */
    record BidAccepted(UUID bidderId, BigDecimal amount, BigDecimal maxAmount, BigDecimal price, UUID leaderId,
            BigDecimal leaderMax) implements AuctionFact {
    }

    /** The system bid {@code amount} for {@code bidderId}, within their maximum; the price is {@code amount}. */
    record ProxyBid(UUID bidderId, BigDecimal amount, UUID leaderId, BigDecimal leaderMax) implements AuctionFact {
    }

    /**
     * The leader raised their own maximum to {@code leaderMax}; the price did not move. Private, as every maximum is:
     * no history row, no stream event, no published event.
     */
    record MaxRaised(UUID bidderId, BigDecimal leaderMax) implements AuctionFact {
    }

    /**
     * The leader's account was suspended: their maximum no longer bids for them (it falls to the price they stand
     * at). Private, like every maximum.
     */
    record MaxWithdrawn(UUID bidderId) implements AuctionFact {
    }

    /** Soft close: a late bid moved the end. */
    record Extended(Instant endsAt) implements AuctionFact {
    }

    /** A buyer took the buy-now price (an {@link Ended} follows). */
    record BoughtNow(UUID buyerId, BigDecimal price) implements AuctionFact {
    }

    /** Over: sold to {@code winnerId} at {@code price}, or unsold (both null). */
    record Ended(boolean sold, @Nullable UUID winnerId, @Nullable BigDecimal price) implements AuctionFact {
    }

    /**
     * Cancelled by its seller or an admin, or because its seller was suspended ({@code reason}
     * {@code seller_suspended}, {@code cancelledBy} the seller); {@code reason} is null otherwise.
     */
    record Cancelled(UUID cancelledBy, @Nullable String reason) implements AuctionFact {

        static final String SELLER_SUSPENDED = "seller_suspended";
    }

    /** A fact as the log holds it: its position and time. */
    record Logged(long seq, AuctionFact fact, Instant occurredAt) {
    }
}
