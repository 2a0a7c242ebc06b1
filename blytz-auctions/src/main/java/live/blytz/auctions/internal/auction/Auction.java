package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.auctions.internal.Increments;
import live.blytz.auctions.internal.auction.AuctionFact.BidAccepted;
import live.blytz.auctions.internal.auction.AuctionFact.BoughtNow;
import live.blytz.auctions.internal.auction.AuctionFact.Cancelled;
import live.blytz.auctions.internal.auction.AuctionFact.Ended;
import live.blytz.auctions.internal.auction.AuctionFact.Extended;
import live.blytz.auctions.internal.auction.AuctionFact.Logged;
import live.blytz.auctions.internal.auction.AuctionFact.MaxRaised;
import live.blytz.auctions.internal.auction.AuctionFact.MaxWithdrawn;
import live.blytz.auctions.internal.auction.AuctionFact.Opened;
import live.blytz.auctions.internal.auction.AuctionFact.ProxyBid;
import live.blytz.auctions.internal.auction.AuctionFact.Started;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.ForbiddenException;
import org.jspecify.annotations.Nullable;

/**
 * The auction aggregate. Its decisions ({@link #bid}, {@link #buyNow}, {@link #due}, {@link #cancel}) check the rules
 * against the current state and return the facts they append to the log, without changing anything; {@link #apply}
 * folds one fact into the state, the only way the state changes, both when a decision is recorded and when the log is
 * replayed (ADR 0025). Amounts are exact {@link Money} in the auction's currency.
 */
final class Auction {

    /** How long after the committed end a bid is surely late (see {@link #refuseIfTooLow}). */
    static final Duration LATE_BY = Duration.ofSeconds(1);

    private final UUID id;
    private @Nullable UUID productId;
    private @Nullable UserId sellerId;
    private @Nullable UUID categoryId;
    private String title = "";
    private @Nullable Currency currency;
    private @Nullable Money startingPrice;
    private @Nullable Money reservePrice;
    private @Nullable Money buyNowPrice;
    private AuctionStatus status = AuctionStatus.SCHEDULED;
    private @Nullable Boolean sold;
    private @Nullable Instant startsAt;
    private @Nullable Instant endsAt;
    private @Nullable Duration extension;
    private @Nullable Money currentPrice;
    private int bidCount;
    private @Nullable UserId leaderId;
    private @Nullable Money leaderMax;
    private @Nullable UserId winnerId;
    private boolean boughtNow;
    private long seq;
    private @Nullable Instant createdAt;
    private @Nullable Instant closedAt;

    private Auction(UUID id) {
        this.id = id;
    }

    /** An auction before its first fact, to fold a log into. */
    static Auction before(UUID id) {
        return new Auction(id);
    }

    /** An auction as its projection row holds it. */
    static Auction restored(UUID id, Map<String, @Nullable Object> row) {
        Auction auction = new Auction(id);
        auction.restore(row);
        return auction;
    }

    // --- decisions -------------------------------------------------------------------------------------------------

    /**
     * A bid of {@code amount} with a proxy maximum {@code max} (at least the amount) at {@code now}, as eBay's proxy
     * bidding does it: the price rises only as far as needed to lead, one increment over the runner-up's maximum; of
     * two equal maximums the earlier leads; a maximum that reaches the reserve lifts the price to it. A bid in the
     * last {@link #extension()} before the end (the auction's own window, else {@code defaultExtension}) moves the end
     * to {@code now} plus that window.
     */
    List<AuctionFact> bid(UserId bidder, Money amount, Money max, Instant now, Increments increments,
            Duration defaultExtension) {
        Duration window = extension == null ? defaultExtension : extension;
        List<AuctionFact> facts = new ArrayList<>(startIfDue(now));
        requireOpenFor(bidder, now);
        Money minimum = minimumNextBid(increments);
        if (amount.compareTo(minimum) < 0) {
            throw tooLow(minimum, "The bid is below the minimum next bid of " + minimum);
        }
        UUID me = bidder.value();
        Money price = currentPrice();
        if (bidder.equals(leaderId)) {
            // The leader raises their maximum: the price stays (nobody bid against them), unless the new maximum
            // reaches the reserve, which lifts it there; only then is it a bid that can extend the end.
            if (!max.isGreaterThan(leaderMaximum())) {
                throw new ConflictException("You lead with a maximum of " + leaderMaximum() + "; a new maximum must "
                        + "be higher");
            }
            Money stands = raisedToReserve(price, max);
            if (!stands.isGreaterThan(price)) {
                facts.add(new MaxRaised(me, max.amount()));
                return facts;
            }
            facts.add(new BidAccepted(me, stands.amount(), max.amount(), stands.amount(), me, max.amount()));
        } else if (leaderId == null) {
            Money stands = raisedToReserve(amount, max);
            facts.add(new BidAccepted(me, stands.amount(), max.amount(), stands.amount(), me, max.amount()));
        } else if (max.isGreaterThan(leaderMaximum())) {
            Money rival = leaderMaximum();
            if (rival.isGreaterThan(price)) {
                facts.add(new ProxyBid(leaderId.value(), rival.amount(), leaderId.value(), rival.amount()));
            }
            Money stands = raisedToReserve(larger(amount, smaller(max, increments.above(rival))), max);
            facts.add(new BidAccepted(me, stands.amount(), max.amount(), stands.amount(), me, max.amount()));
        } else {
            // The leader's maximum covers this bid: it stands at its maximum and the leader's proxy answers it.
            Money rival = leaderMaximum();
            facts.add(new BidAccepted(me, max.amount(), max.amount(), max.amount(), leaderId.value(), rival.amount()));
            Money answer = raisedToReserve(max.compareTo(rival) < 0 ? smaller(rival, increments.above(max)) : max, rival);
            if (answer.isGreaterThan(max)) {
                facts.add(new ProxyBid(leaderId.value(), answer.amount(), leaderId.value(), rival.amount()));
            }
        }
        if (now.isAfter(endsAt().minus(window))) {
            facts.add(new Extended(now.plus(window)));
        }
        return facts;
    }

    /**
     * Refuses {@code amount} if it is below the minimum next bid of this state, or comes clearly after its end, as
     * {@link #bid} would. Meant for the state last committed, read without the lock: while the auction runs its
     * minimum never falls, so such a bid would be refused under the lock too and need not queue for it. Late bids
     * must not queue either: the closer skips a locked row, and a stream of them would keep the auction from ever
     * closing. "Clearly" leaves {@link #LATE_BY} for a soft-close extension decided but not yet committed. Anything
     * else is left to {@link #bid}.
     */
    void refuseIfTooLow(UserId bidder, Money amount, Instant now, Increments increments) {
        if (status == AuctionStatus.RUNNING && !now.isBefore(endsAt().plus(LATE_BY))) {
            throw over();
        }
        boolean open = status == AuctionStatus.RUNNING && !now.isBefore(startsAt()) && now.isBefore(endsAt());
        Money minimum = minimumNextBid(increments);
        if (open && !bidder.equals(sellerId) && amount.compareTo(minimum) < 0) {
            throw tooLow(minimum, "The bid is below the minimum next bid of " + minimum);
        }
    }

    /**
     * Buys at the buy-now price, which is offered while no bid has met the reserve: the auction ends, sold. The buyer
     * who already bought it gets no facts and no error: a retried purchase (its answer lost) is answered as the first.
     */
    List<AuctionFact> buyNow(UserId buyer, Instant now) {
        if (boughtNow && buyer.equals(winnerId)) {
            return List.of();
        }
        List<AuctionFact> facts = new ArrayList<>(startIfDue(now));
        requireOpenFor(buyer, now);
        if (buyNowPrice == null) {
            throw new ConflictException("This auction has no buy-now price");
        }
        if (reserveMet() || !buyNowPrice.isGreaterThan(currentPrice())) {
            throw new ConflictException("Buy now is no longer offered: a bid has met the reserve");
        }
        facts.add(new BoughtNow(buyer.value(), buyNowPrice.amount()));
        facts.add(new Ended(true, buyer.value(), buyNowPrice.amount()));
        return facts;
    }

    /** What the closer records at {@code now}: a start that is due, an end that is due (sold if the reserve is met). */
    List<AuctionFact> due(Instant now) {
        List<AuctionFact> facts = new ArrayList<>(startIfDue(now));
        boolean running = status == AuctionStatus.RUNNING || !facts.isEmpty();
        if (running && !now.isBefore(endsAt())) {
            boolean sale = reserveMet();
            facts.add(new Ended(sale, sale && leaderId != null ? leaderId.value() : null,
                    sale ? currentPrice().amount() : null));
        }
        return facts;
    }

    /** Cancels: the seller before the first bid, an admin any time while it is scheduled or running. */
    List<AuctionFact> cancel(UserId by, boolean admin, Instant now) {
        if (!status.live() || !now.isBefore(endsAt())) {
            throw new ConflictException("A " + (status.live() ? "finished" : status.code())
                    + " auction cannot be cancelled");
        }
        if (!admin && bidCount > 0) {
            throw new ConflictException("The auction has bids: only an admin can cancel it now");
        }
        return List.of(new Cancelled(by.value(), null));
    }

    /**
     * Its seller was suspended: a scheduled or running auction is cancelled, bids or not (nobody could be paid or
     * ship); one already over, or past its end and waiting for the closer, is left as it is.
     */
    List<AuctionFact> sellerSuspended(Instant now) {
        if (!status.live() || !now.isBefore(endsAt())) {
            return List.of();
        }
        return List.of(new Cancelled(sellerId().value(), Cancelled.SELLER_SUSPENDED));
    }

    /**
     * A bidder's account was suspended: if they lead with a maximum above the price, it stops bidding for them (a
     * suspended account never bids, not even by proxy); their standing bid stays, as it was placed before.
     */
    List<AuctionFact> bidderSuspended(UserId bidder, Instant now) {
        boolean defending = status == AuctionStatus.RUNNING && now.isBefore(endsAt()) && bidder.equals(leaderId)
                && leaderMaximum().isGreaterThan(currentPrice());
        return defending ? List.of(new MaxWithdrawn(bidder.value())) : List.of();
    }

    private List<AuctionFact> startIfDue(Instant now) {
        return status == AuctionStatus.SCHEDULED && !now.isBefore(startsAt()) ? List.of(new Started()) : List.of();
    }

    private void requireOpenFor(UserId bidder, Instant now) {
        if (!status.live() || !now.isBefore(endsAt())) {
            throw over();
        }
        if (now.isBefore(startsAt())) {
            throw new ConflictException("The auction starts at " + startsAt(), Map.of("starts_at", startsAt().toString()));
        }
        if (bidder.equals(sellerId)) {
            throw new ForbiddenException("Sellers cannot bid on or buy their own auction");
        }
    }

    private ConflictException over() {
        return new ConflictException("The auction is " + (status == AuctionStatus.CANCELLED ? "cancelled" : "over")
                + "; it took no more bids after " + endsAt(), Map.of("ends_at", endsAt().toString()));
    }

    private ConflictException tooLow(Money minimum, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current_price", currentPrice().amount());
        details.put("minimum_next_bid", minimum.amount());
        details.put("currency", currency().getCurrencyCode());
        details.put("ends_at", endsAt().toString());
        return new ConflictException(message, details);
    }

    private Money raisedToReserve(Money price, Money max) {
        if (reservePrice == null || !price.isGreaterThan(reservePrice) && max.compareTo(reservePrice) < 0) {
            return price;
        }
        return larger(price, reservePrice);
    }

    // --- folding ---------------------------------------------------------------------------------------------------

    /** Folds in {@code facts} decided at {@code now}, at the next sequence numbers; returns them as logged. */
    List<Logged> fold(List<AuctionFact> facts, Instant now) {
        List<Logged> logged = new ArrayList<>(facts.size());
        for (AuctionFact fact : facts) {
            logged.add(new Logged(seq + 1, fact, now));
            apply(fact, seq + 1, now);
        }
        return logged;
    }

    /** Folds one logged fact into the state. */
    void apply(AuctionFact fact, long factSeq, Instant at) {
        if (factSeq != seq + 1) {
            throw new IllegalStateException("auction " + id + " at " + seq + " cannot take fact " + factSeq);
        }
        seq = factSeq;
        switch (fact) {
            case Opened opened -> {
                productId = opened.productId();
                sellerId = new UserId(opened.sellerId());
                categoryId = opened.categoryId();
                title = opened.title();
                currency = Currency.getInstance(opened.currency());
                startingPrice = money(opened.startingPrice());
                reservePrice = opened.reservePrice() == null ? null : money(opened.reservePrice());
                buyNowPrice = opened.buyNowPrice() == null ? null : money(opened.buyNowPrice());
                startsAt = opened.startsAt();
                endsAt = opened.endsAt();
                extension = opened.extension();
                status = opened.running() ? AuctionStatus.RUNNING : AuctionStatus.SCHEDULED;
                currentPrice = startingPrice;
                createdAt = at;
            }
            case Started ignored -> status = AuctionStatus.RUNNING;
            case BidAccepted bid -> {
                currentPrice = money(bid.price());
                leaderId = new UserId(bid.leaderId());
                leaderMax = money(bid.leaderMax());
                bidCount++;
            }
            case ProxyBid proxy -> {
                currentPrice = money(proxy.amount());
                leaderId = new UserId(proxy.leaderId());
                leaderMax = money(proxy.leaderMax());
                bidCount++;
            }
            case MaxRaised raised -> leaderMax = money(raised.leaderMax());
            case MaxWithdrawn ignored -> leaderMax = currentPrice;
            case Extended extended -> endsAt = extended.endsAt();
            case BoughtNow bought -> {
                currentPrice = money(bought.price());
                leaderId = new UserId(bought.buyerId());
                leaderMax = currentPrice;
                boughtNow = true;
                bidCount++;
            }
            case Ended ended -> {
                status = AuctionStatus.ENDED;
                sold = ended.sold();
                winnerId = ended.winnerId() == null ? null : new UserId(ended.winnerId());
                closedAt = at;
            }
            case Cancelled ignored -> {
                status = AuctionStatus.CANCELLED;
                closedAt = at;
            }
        }
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** The least a bid may be now: the starting price for the first bid, else the price plus its increment. */
    Money minimumNextBid(Increments increments) {
        return bidCount == 0 ? startingPrice() : increments.above(currentPrice());
    }

    /** Whether the leading bid meets the reserve (with no reserve, any bid does). */
    boolean reserveMet() {
        return bidCount > 0 && (reservePrice == null || currentPrice().compareTo(reservePrice) >= 0);
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, currency());
    }

    private static Money larger(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Money smaller(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Money leaderMaximum() {
        return leaderMax == null ? currentPrice() : leaderMax;
    }

    UUID id() { return id; }
    UUID productId() { return required(productId); }
    UserId sellerId() { return required(sellerId); }
    UUID categoryId() { return required(categoryId); }
    String title() { return title; }
    Currency currency() { return required(currency); }
    Money startingPrice() { return required(startingPrice); }
    @Nullable Money reservePrice() { return reservePrice; }
    @Nullable Money buyNowPrice() { return buyNowPrice; }
    AuctionStatus status() { return status; }
    @Nullable Boolean sold() { return sold; }
    Instant startsAt() { return required(startsAt); }
    Instant endsAt() { return required(endsAt); }
    /** Its own soft-close window, or null for the configured default. */
    @Nullable Duration extension() { return extension; }
    Money currentPrice() { return required(currentPrice); }
    int bidCount() { return bidCount; }
    @Nullable UserId leaderId() { return leaderId; }
    @Nullable Money leaderMax() { return leaderMax; }
    @Nullable UserId winnerId() { return winnerId; }
    boolean boughtNow() { return boughtNow; }
    long seq() { return seq; }
    Instant createdAt() { return required(createdAt); }
    @Nullable Instant closedAt() { return closedAt; }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("the auction has not been opened");
        }
        return value;
    }

    private void restore(Map<String, @Nullable Object> row) {
        productId = (UUID) row.get("product_id");
        sellerId = new UserId((UUID) row.get("seller_id"));
        categoryId = (UUID) row.get("category_id");
        title = (String) row.get("title");
        currency = Currency.getInstance(((String) row.get("currency")).strip());
        startingPrice = money((BigDecimal) row.get("starting_price"));
        reservePrice = row.get("reserve_price") == null ? null : money((BigDecimal) row.get("reserve_price"));
        buyNowPrice = row.get("buy_now_price") == null ? null : money((BigDecimal) row.get("buy_now_price"));
        status = Codes.parse(AuctionStatus.class, (String) row.get("status"));
        sold = row.get("outcome") == null ? null : "sold".equals(row.get("outcome"));
        startsAt = (Instant) row.get("starts_at");
        endsAt = (Instant) row.get("ends_at");
        extension = row.get("extension_ms") == null ? null : Duration.ofMillis((Long) row.get("extension_ms"));
        currentPrice = money((BigDecimal) row.get("current_price"));
        bidCount = (Integer) row.get("bid_count");
        leaderId = row.get("leader_id") == null ? null : new UserId((UUID) row.get("leader_id"));
        leaderMax = row.get("leader_max") == null ? null : money((BigDecimal) row.get("leader_max"));
        winnerId = row.get("winner_id") == null ? null : new UserId((UUID) row.get("winner_id"));
        boughtNow = (Boolean) row.get("bought_now");
        seq = (Long) row.get("seq");
        createdAt = (Instant) row.get("created_at");
        closedAt = (Instant) row.get("closed_at");
    }
}
