package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.auctions.internal.AuctionsProperties.Band;
import live.blytz.auctions.internal.Increments;
import live.blytz.auctions.internal.auction.AuctionFact.BidAccepted;
import live.blytz.auctions.internal.auction.AuctionFact.BoughtNow;
import live.blytz.auctions.internal.auction.AuctionFact.Ended;
import live.blytz.auctions.internal.auction.AuctionFact.Extended;
import live.blytz.auctions.internal.auction.AuctionFact.MaxRaised;
import live.blytz.auctions.internal.auction.AuctionFact.Opened;
import live.blytz.auctions.internal.auction.AuctionFact.ProxyBid;
import live.blytz.auctions.internal.auction.AuctionFact.Started;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The auction's rules, decided in memory: increments, proxy duels, reserve, buy now, soft close, transitions. */
class AuctionTests {

    static final Duration EXTENSION = Duration.ofMinutes(2);
    static final Increments INCREMENTS = new Increments(properties());
    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant END = T0.plus(Duration.ofHours(1));

    final UserId seller = UserId.newId();
    final UserId alice = UserId.newId();
    final UserId bob = UserId.newId();
    final UserId carol = UserId.newId();

    static AuctionsProperties properties() {
        return new AuctionsProperties(List.of(new Band(new BigDecimal("0"), new BigDecimal("0.05")),
                new Band(new BigDecimal("1"), new BigDecimal("0.25")), new Band(new BigDecimal("5"), new BigDecimal("0.50")),
                new Band(new BigDecimal("25"), new BigDecimal("1.00")), new Band(new BigDecimal("100"), new BigDecimal("2.50"))),
                EXTENSION, Duration.ofMillis(250), 100, Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofDays(30),
                new AuctionsProperties.Limit(60, Duration.ofMinutes(1)), Duration.ofHours(24));
    }

    Auction auction(String starting, @Nullable String reserve, @Nullable String buyNow) {
        return auction(starting, reserve, buyNow, T0);
    }

    Auction auction(String starting, @Nullable String reserve, @Nullable String buyNow, Instant startsAt) {
        Auction auction = Auction.before(UUID.randomUUID());
        auction.apply(new Opened(UUID.randomUUID(), seller.value(), UUID.randomUUID(), "A lamp", "EUR",
                new BigDecimal(starting), reserve == null ? null : new BigDecimal(reserve),
                buyNow == null ? null : new BigDecimal(buyNow), startsAt, END, !startsAt.isAfter(T0), null), 1, T0);
        return auction;
    }

    /** A show's lot: running from T0 for {@code countdown}, with its own soft-close window {@code extension}. */
    Auction lot(Duration countdown, Duration extension) {
        Auction auction = Auction.before(UUID.randomUUID());
        auction.apply(new Opened(UUID.randomUUID(), seller.value(), UUID.randomUUID(), "A lamp", "EUR",
                new BigDecimal("10.00"), null, null, T0, T0.plus(countdown), true, extension), 1, T0);
        return auction;
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Decides a bid and records it as the service does: every fact applied in order. */
    static List<AuctionFact> bid(Auction auction, UserId bidder, String amount, String max, Instant at) {
        List<AuctionFact> facts = auction.bid(bidder, eur(amount), eur(max), at, INCREMENTS, EXTENSION);
        facts.forEach(fact -> auction.apply(fact, auction.seq() + 1, at));
        return facts;
    }

    static List<AuctionFact> bid(Auction auction, UserId bidder, String amount, String max) {
        return bid(auction, bidder, amount, max, T0.plusSeconds(60));
    }

    @Test
    void incrementsChangeAtTheBandEdges() {
        assertThat(INCREMENTS.at(eur("0.99"))).isEqualTo(eur("0.05"));
        assertThat(INCREMENTS.at(eur("1.00"))).isEqualTo(eur("0.25"));
        assertThat(INCREMENTS.at(eur("4.99"))).isEqualTo(eur("0.25"));
        assertThat(INCREMENTS.at(eur("5.00"))).isEqualTo(eur("0.50"));
        assertThat(INCREMENTS.at(eur("24.99"))).isEqualTo(eur("0.50"));
        assertThat(INCREMENTS.at(eur("25.00"))).isEqualTo(eur("1.00"));
        assertThat(INCREMENTS.at(eur("100.00"))).isEqualTo(eur("2.50"));
        assertThat(INCREMENTS.at(eur("100000.00"))).isEqualTo(eur("2.50"));
        // A step finer than the currency's minor unit is rounded up to it.
        assertThat(INCREMENTS.at(Money.of("0", "JPY"))).isEqualTo(Money.of("1", "JPY"));
    }

    @Test
    void theFirstBidMayEqualTheStartingPriceAndEachNextOneMustAddTheIncrementOfItsBand() {
        Auction auction = auction("4.75", null, null);
        assertThat(auction.minimumNextBid(INCREMENTS)).isEqualTo(eur("4.75"));
        assertThatThrownBy(() -> bid(auction, alice, "4.74", "4.74")).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details())
                        .containsEntry("minimum_next_bid", new BigDecimal("4.75"))
                        .containsEntry("current_price", new BigDecimal("4.75")));
        bid(auction, alice, "4.75", "4.75");
        assertThat(auction.minimumNextBid(INCREMENTS)).isEqualTo(eur("5.00"));
        assertThatThrownBy(() -> bid(auction, bob, "4.99", "4.99")).isInstanceOf(ConflictException.class);
        bid(auction, bob, "5.00", "5.00");
        assertThat(auction.minimumNextBid(INCREMENTS)).isEqualTo(eur("5.50"));
        assertThat(auction.leaderId()).isEqualTo(bob);
        assertThat(auction.bidCount()).isEqualTo(2);
    }

    @Test
    void aProxyMaximumOutbidsALaterBidOneIncrementAtATime() {
        Auction auction = auction("10.00", null, null);
        bid(auction, alice, "10.00", "20.00");
        assertThat(auction.currentPrice()).isEqualTo(eur("10.00"));

        List<AuctionFact> facts = bid(auction, bob, "12.00", "12.00");
        assertThat(facts).containsExactly(
                new BidAccepted(bob.value(), new BigDecimal("12.00"), new BigDecimal("12.00"), new BigDecimal("12.00"),
                        alice.value(), new BigDecimal("20.00")),
                new ProxyBid(alice.value(), new BigDecimal("12.50"), alice.value(), new BigDecimal("20.00")));
        assertThat(auction.leaderId()).isEqualTo(alice);
        assertThat(auction.currentPrice()).isEqualTo(eur("12.50"));

        // A higher maximum wins at one increment over the rival's maximum; the rival's proxy went to its maximum first.
        facts = bid(auction, bob, "13.00", "30.00");
        assertThat(facts).containsExactly(
                new ProxyBid(alice.value(), new BigDecimal("20.00"), alice.value(), new BigDecimal("20.00")),
                new BidAccepted(bob.value(), new BigDecimal("20.50"), new BigDecimal("30.00"), new BigDecimal("20.50"),
                        bob.value(), new BigDecimal("30.00")));
        assertThat(auction.leaderId()).isEqualTo(bob);
        assertThat(auction.currentPrice()).isEqualTo(eur("20.50"));
        assertThat(auction.bidCount()).isEqualTo(5);
    }

    @Test
    void theLeaderRaisingTheirMaximumDoesNotBidAgainstThemselves() {
        Auction auction = auction("10.00", "60.00", null);
        bid(auction, alice, "10.00", "20.00");
        bid(auction, bob, "15.00", "15.00");
        assertThat(auction.currentPrice()).isEqualTo(eur("15.50"));
        assertThat(auction.bidCount()).isEqualTo(3);

        // Below the reserve: only the maximum changes, privately, and the end does not move.
        List<AuctionFact> facts = bid(auction, alice, "16.50", "40.00", END.minusSeconds(30));
        assertThat(facts).containsExactly(new MaxRaised(alice.value(), new BigDecimal("40.00")));
        assertThat(auction.currentPrice()).isEqualTo(eur("15.50"));
        assertThat(auction.bidCount()).isEqualTo(3);
        assertThat(auction.leaderMax()).isEqualTo(eur("40.00"));
        assertThat(auction.endsAt()).isEqualTo(END);
        // The raised maximum defends: a rival under it is answered one increment above.
        bid(auction, bob, "30.00", "30.00");
        assertThat(auction.leaderId()).isEqualTo(alice);
        assertThat(auction.currentPrice()).isEqualTo(eur("31.00"));

        // Not higher than the standing maximum: refused, and nothing changes.
        assertThatThrownBy(() -> bid(auction, alice, "32.00", "40.00")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("40.00");
        // A maximum that reaches the reserve lifts the price to it: a real bid now.
        facts = bid(auction, alice, "32.00", "75.00");
        assertThat(facts).containsExactly(new BidAccepted(alice.value(), new BigDecimal("60.00"),
                new BigDecimal("75.00"), new BigDecimal("60.00"), alice.value(), new BigDecimal("75.00")));
        assertThat(auction.reserveMet()).isTrue();
    }

    @Test
    void ofTwoEqualMaximumsTheEarlierLeadsAtThatPrice() {
        Auction auction = auction("10.00", null, null);
        bid(auction, alice, "10.00", "20.00");
        List<AuctionFact> facts = bid(auction, bob, "15.00", "20.00");
        assertThat(facts).containsExactly(new BidAccepted(bob.value(), new BigDecimal("20.00"), new BigDecimal("20.00"),
                new BigDecimal("20.00"), alice.value(), new BigDecimal("20.00")));
        assertThat(auction.leaderId()).isEqualTo(alice);
        assertThat(auction.currentPrice()).isEqualTo(eur("20.00"));
        assertThat(auction.minimumNextBid(INCREMENTS)).isEqualTo(eur("20.50"));
        // Whoever comes next must beat 20.00 by an increment; the same maximum again cannot take the lead.
        assertThatThrownBy(() -> bid(auction, carol, "20.00", "20.00")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMaximumThatReachesTheReserveLiftsThePriceToItAndTheResponseSaysWhetherItIsMet() {
        Auction auction = auction("10.00", "50.00", null);
        bid(auction, alice, "10.00", "40.00");
        assertThat(auction.currentPrice()).isEqualTo(eur("10.00"));
        assertThat(auction.reserveMet()).isFalse();

        bid(auction, bob, "11.00", "60.00");
        assertThat(auction.leaderId()).isEqualTo(bob);
        assertThat(auction.currentPrice()).isEqualTo(eur("50.00"));
        assertThat(auction.reserveMet()).isTrue();

        Auction unmet = auction("10.00", "50.00", null);
        bid(unmet, alice, "10.00", "10.00");
        assertThat(unmet.due(END)).containsExactly(new Ended(false, null, null));
        Auction met = auction("10.00", "50.00", null);
        bid(met, alice, "50.00", "50.00");
        assertThat(met.due(END)).containsExactly(new Ended(true, alice.value(), new BigDecimal("50.00")));
    }

    @Test
    void buyNowIsOfferedUntilABidMeetsTheReserve() {
        Auction auction = auction("10.00", "50.00", "80.00");
        bid(auction, alice, "10.00", "30.00");
        List<AuctionFact> facts = auction.buyNow(bob, T0.plusSeconds(90));
        assertThat(facts).containsExactly(new BoughtNow(bob.value(), new BigDecimal("80.00")),
                new Ended(true, bob.value(), new BigDecimal("80.00")));
        facts.forEach(fact -> auction.apply(fact, auction.seq() + 1, T0.plusSeconds(90)));
        // The buyer's retry is answered as the first purchase (nothing new); anyone else's is over.
        assertThat(auction.buyNow(bob, T0.plusSeconds(91))).isEmpty();
        assertThatThrownBy(() -> auction.buyNow(carol, T0.plusSeconds(91))).isInstanceOf(ConflictException.class);

        Auction reserveMet = auction("10.00", "50.00", "80.00");
        bid(reserveMet, alice, "55.00", "55.00");
        assertThatThrownBy(() -> reserveMet.buyNow(bob, T0.plusSeconds(90))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("reserve");

        Auction noReserve = auction("10.00", null, "80.00");
        assertThat(noReserve.buyNow(bob, T0.plusSeconds(90))).hasSize(2);
        bid(noReserve, alice, "10.00", "10.00");
        assertThatThrownBy(() -> noReserve.buyNow(bob, T0.plusSeconds(90))).isInstanceOf(ConflictException.class);

        Auction none = auction("10.00", null, null);
        assertThatThrownBy(() -> none.buyNow(bob, T0.plusSeconds(90))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no buy-now");
    }

    @Test
    void aBidInTheLastExtensionMovesTheEndToItsTimePlusTheExtension() {
        Auction auction = auction("10.00", null, null);
        Instant edge = END.minus(EXTENSION);
        assertThat(bid(auction, alice, "10.00", "10.00", edge)).noneMatch(Extended.class::isInstance);
        assertThat(auction.endsAt()).isEqualTo(END);

        Instant inside = edge.plusNanos(1_000);
        assertThat(bid(auction, bob, "10.50", "10.50", inside)).contains(new Extended(inside.plus(EXTENSION)));
        assertThat(auction.endsAt()).isEqualTo(inside.plus(EXTENSION));

        // After the original end, a bid before the moved end is taken and moves it again.
        Instant late = inside.plus(EXTENSION).minusSeconds(1);
        bid(auction, alice, "11.00", "11.00", late);
        assertThat(auction.endsAt()).isEqualTo(late.plus(EXTENSION));
    }

    @Test
    void aLotsOwnSoftCloseResetsItsShortCountdownToTheWindowAndTheDefaultDoesNotApply() {
        // A 30-second countdown; each bid in its last 10 seconds resets it to 10 seconds (the default is 2 minutes).
        Auction lot = lot(Duration.ofSeconds(30), Duration.ofSeconds(10));
        Instant countdownEnd = T0.plusSeconds(30);
        assertThat(lot.extension()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bid(lot, alice, "10.00", "10.00", T0.plusSeconds(20))).noneMatch(Extended.class::isInstance);
        assertThat(lot.endsAt()).isEqualTo(countdownEnd);

        Instant late = T0.plusSeconds(25);
        assertThat(bid(lot, bob, "10.50", "10.50", late)).contains(new Extended(late.plusSeconds(10)));
        Instant later = late.plusSeconds(9);
        assertThat(bid(lot, alice, "11.00", "11.00", later)).contains(new Extended(later.plusSeconds(10)));
        assertThat(lot.endsAt()).isEqualTo(later.plusSeconds(10));

        // Ten quiet seconds later it is over: no bid at its end, and the closer sells it to the leader.
        Instant end = later.plusSeconds(10);
        assertThatThrownBy(() -> bid(lot, bob, "12.00", "12.00", end)).isInstanceOf(ConflictException.class);
        List<AuctionFact> closed = lot.due(end);
        assertThat(closed).containsExactly(new Ended(true, alice.value(), new BigDecimal("11.00")));

        // An ordinary auction keeps the default window.
        Auction ordinary = auction("10.00", null, null);
        assertThat(ordinary.extension()).isNull();
        Instant inDefault = END.minus(EXTENSION).plusSeconds(1);
        assertThat(bid(ordinary, alice, "10.00", "10.00", inDefault)).contains(new Extended(inDefault.plus(EXTENSION)));
    }

    @Test
    void noBidIsTakenAtOrAfterTheEndEvenBeforeTheCloserHasRun() {
        Auction auction = auction("10.00", null, "90.00");
        assertThat(auction.status()).isEqualTo(AuctionStatus.RUNNING);
        assertThatThrownBy(() -> bid(auction, alice, "10.00", "10.00", END)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("over");
        assertThatThrownBy(() -> auction.buyNow(alice, END)).isInstanceOf(ConflictException.class);
        assertThat(auction.bidCount()).isZero();
    }

    @Test
    void aBidBelowTheMinimumOfTheLastCommittedStateIsRefusedBeforeTheLockAndAnythingElseIsLeftToTheDecision() {
        Auction running = auction("10.00", null, null);
        bid(running, alice, "10.00", "10.00");
        Instant now = T0.plusSeconds(90);
        assertThatThrownBy(() -> running.refuseIfTooLow(bob, eur("10.25"), now, INCREMENTS))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details())
                        .containsEntry("minimum_next_bid", new BigDecimal("10.50"))
                        .containsEntry("current_price", new BigDecimal("10.00")));
        running.refuseIfTooLow(bob, eur("10.50"), now, INCREMENTS);
        // The seller's bid is a 403 and a bid after the end is "over": the decision under the lock says so.
        running.refuseIfTooLow(seller, eur("1.00"), now, INCREMENTS);
        running.refuseIfTooLow(bob, eur("1.00"), END, INCREMENTS);
        // Clearly late (an extension being committed cannot explain it): refused without queueing for the lock.
        running.refuseIfTooLow(bob, eur("900.00"), END.plus(Auction.LATE_BY).minusMillis(1), INCREMENTS);
        assertThatThrownBy(() -> running.refuseIfTooLow(bob, eur("900.00"), END.plus(Auction.LATE_BY), INCREMENTS))
                .isInstanceOf(ConflictException.class).hasMessageContaining("over");
        assertThatThrownBy(() -> running.bid(seller, eur("1.00"), eur("1.00"), now, INCREMENTS, EXTENSION))
                .isInstanceOf(ForbiddenException.class);
        // A scheduled auction that has not started yet is the decision's to refuse, too.
        Auction scheduled = auction("10.00", null, null, T0.plusSeconds(600));
        scheduled.refuseIfTooLow(bob, eur("1.00"), T0, INCREMENTS);
    }

    @Test
    void foldingAppliesTheFactsAtTheNextSequenceNumbers() {
        Auction auction = auction("10.00", null, null);
        List<AuctionFact> facts = auction.bid(alice, eur("10.00"), eur("20.00"), T0.plusSeconds(60), INCREMENTS,
                EXTENSION);
        assertThat(auction.fold(facts, T0.plusSeconds(60))).extracting(AuctionFact.Logged::seq).containsExactly(2L);
        assertThat(auction.seq()).isEqualTo(2);
        assertThat(auction.leaderId()).isEqualTo(alice);
    }

    @Test
    void sellersCannotBidOnTheirOwnAuction() {
        Auction auction = auction("10.00", null, "90.00");
        assertThatThrownBy(() -> bid(auction, seller, "10.00", "10.00")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> auction.buyNow(seller, T0)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyTransition() {
        Instant later = T0.plus(Duration.ofMinutes(10));
        Auction scheduled = auction("10.00", null, null, later);
        assertThat(scheduled.status()).isEqualTo(AuctionStatus.SCHEDULED);
        assertThatThrownBy(() -> bid(scheduled, alice, "10.00", "10.00", T0.plusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("starts at");
        assertThat(scheduled.due(later.minusNanos(1_000))).isEmpty();

        // scheduled → running: by the closer, or by the first bid once the start is due.
        assertThat(scheduled.due(later)).containsExactly(new Started());
        Auction startedByBid = auction("10.00", null, null, later);
        assertThat(bid(startedByBid, alice, "10.00", "10.00", later)).first().isEqualTo(new Started());
        assertThat(startedByBid.status()).isEqualTo(AuctionStatus.RUNNING);

        // running → ended (unsold without bids; sold to the leader with them).
        Auction noBids = auction("10.00", null, null);
        apply(noBids, noBids.due(END));
        assertThat(noBids.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(noBids.sold()).isFalse();
        assertThat(noBids.due(END.plusSeconds(5))).isEmpty();
        assertThatThrownBy(() -> noBids.cancel(seller, true, END)).isInstanceOf(ConflictException.class);
        Auction sold = auction("10.00", null, null);
        bid(sold, alice, "10.00", "10.00");
        apply(sold, sold.due(END));
        assertThat(sold.sold()).isTrue();
        assertThat(sold.winnerId()).isEqualTo(alice);

        // scheduled or running → cancelled: the seller before the first bid, an admin any time.
        Auction cancelScheduled = auction("10.00", null, null, later);
        apply(cancelScheduled, cancelScheduled.cancel(seller, false, T0));
        assertThat(cancelScheduled.status()).isEqualTo(AuctionStatus.CANCELLED);
        assertThatThrownBy(() -> cancelScheduled.cancel(seller, true, T0)).isInstanceOf(ConflictException.class);
        Auction withBid = auction("10.00", null, null);
        bid(withBid, alice, "10.00", "10.00");
        assertThatThrownBy(() -> withBid.cancel(seller, false, T0.plusSeconds(120)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only an admin");
        apply(withBid, withBid.cancel(UserId.newId(), true, T0.plusSeconds(120)));
        assertThat(withBid.status()).isEqualTo(AuctionStatus.CANCELLED);
        assertThatThrownBy(() -> bid(withBid, bob, "20.00", "20.00")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cancelled");
    }

    private static void apply(Auction auction, List<AuctionFact> facts) {
        facts.forEach(fact -> auction.apply(fact, auction.seq() + 1, END));
    }
}
