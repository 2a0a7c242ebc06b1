package live.blytz.auctions.internal.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import live.blytz.auctions.events.AuctionCancelled;
import live.blytz.auctions.events.AuctionEnded;
import live.blytz.auctions.events.AuctionOpened;
import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.auctions.internal.account.SuspensionRepository;
import live.blytz.auctions.internal.auction.AuctionFact.Ended;
import live.blytz.auctions.internal.auction.AuctionFact.Opened;
import live.blytz.auctions.internal.auction.BidAdmission.Outcome;
import live.blytz.catalog.AuctionableProduct;
import live.blytz.catalog.ProductAuctions;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auction use cases that change state: open, bid, buy now, cancel, and close what is due. Each runs in one
 * transaction that locks the auction's row before it decides, so that the facts of one auction are decided one at a
 * time on every instance (ADR 0025); it appends the facts to the log with their projections, reserves, releases or
 * sells the product through catalog's API in the same transaction, and publishes the module's events.
 */
@Service
class AuctionService {

    private static final Logger log = LoggerFactory.getLogger(AuctionService.class);

    private final AuctionRepository auctions;
    private final SuspensionRepository accounts;
    private final ProductAuctions products;
    private final AuctionsProperties properties;
    private final BidThrottle throttle;
    private final BidAdmission<BidBatchDecider.PendingBid, BidOutcome> bids;
    private final BidAdmission<Caller, Long> buyNows;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuctionService(AuctionRepository auctions, SuspensionRepository accounts, ProductAuctions products,
            AuctionsProperties properties, BidThrottle throttle, BidAdmissionProperties admission,
            BidBatchDecider decider, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.auctions = auctions;
        this.accounts = accounts;
        this.products = products;
        this.properties = properties;
        this.throttle = throttle;
        this.bids = new BidAdmission<>(admission, admission.maxBatch(), decider::decide);
        this.buyNows = new BidAdmission<>(admission, 1, this::decideBuyNow);
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens an auction of the caller's active product (an admin's of anyone's), with catalog's prices of this moment;
     * never for a suspended caller (auth's token check alone is not the rule, ADR 0025).
     */
    @Transactional
    UUID open(Caller caller, AuctionRequests.Open request) {
        Instant now = Instants.now(clock);
        if (accounts.suspended(caller.id())) {
            throw new ForbiddenException("A suspended account cannot open auctions");
        }
        AuctionableProduct product = products.find(request.productId())
                .filter(found -> found.publiclyVisible() || caller.mayManage(found.sellerId()))
                .orElseThrow(() -> ValidationException.of("product_id", "is not an existing product"));
        if (!caller.mayManage(product.sellerId())) {
            throw new ForbiddenException("Only the product's seller or an admin may auction it");
        }
        // Microseconds, as PostgreSQL stores them: the log's opening and the projection must say the same instant.
        Instant startsAt = request.startsAt() == null ? now : request.startsAt().truncatedTo(ChronoUnit.MICROS);
        Instant endsAt = endOf(request, startsAt, now);
        UUID id = Ids.newId();
        AuctionableProduct reserved = products.reserve(product.id(), id);
        Opened opened = Opened.of(reserved, startsAt, endsAt, !startsAt.isAfter(now), null);
        Auction auction = Auction.before(id);
        auctions.record(auction, List.of(opened), now);
        events.publishEvent(new AuctionOpened(id, reserved.id(), reserved.sellerId(), opened.currency(),
                opened.startingPrice(), startsAt, endsAt, now));
        return id;
    }

    /**
     * A bid. With an {@code Idempotency-Key} already used by this bidder for the same request, the first outcome is
     * returned and nothing else happens (the rate limit's token is given back); for another request, a 409. Only
     * accepted bids are remembered: a refused one changed nothing, so its retry is decided afresh. The bid waits in
     * the instance's admission and is decided with the other bids of its auction waiting there
     * ({@link BidBatchDecider}). Its token is taken here, by each request on its own, not by the batch's leader one
     * bid after another (a round trip to Redis each, bench README); a bid over the limit is refused by its batch only
     * once its key is known to be new, so that a retry is answered from its first outcome whatever the account's
     * tokens. A bid that nothing decided (no place or no turn in the admission, a failed batch: 503; no such auction)
     * gives its token back too, so that a client following Retry-After does not spend its limit on them.
     */
    BidOutcome bid(Caller caller, UUID auctionId, String key, AuctionRequests.Bid request) {
        TooManyRequestsException overLimit = throttle.tryTake(caller);
        BidOutcome outcome;
        try {
            outcome = bids.admit(auctionId, new BidBatchDecider.PendingBid(caller, key, request, overLimit));
        } catch (AtCapacityException | NotFoundException e) {
            if (overLimit == null) {
                throttle.giveBack(caller);
            }
            throw e;
        }
        if (outcome.replayed() && overLimit == null) {
            throttle.giveBack(caller);
        }
        return outcome;
    }

    /** How many bids of the auction wait on this instance to be taken into a batch (what the tests observe). */
    int waitingBids(UUID auctionId) {
        return bids.waiting(auctionId);
    }

    /** Buys at the buy-now price: the auction ends, sold to the caller, and catalog marks the product sold. */
    void buyNow(Caller caller, UUID auctionId) {
        throttle.take(caller);
        buyNows.admit(auctionId, caller);
    }

    /** A buy-now attempt alone (its admission decides one at a time per auction and instance). */
    private List<Outcome<Long>> decideBuyNow(UUID auctionId, List<Caller> callers) {
        Caller caller = callers.getFirst();
        return List.of(Outcome.of(transactions.execute(status -> {
            Instant now = Instants.now(clock);
            requireNotSuspended(caller);
            Auction auction = auctions.lock(auctionId).orElseThrow(() -> NotFoundException.of("Auction", auctionId));
            List<AuctionFact> facts = auction.buyNow(caller.id(), now);
            if (!facts.isEmpty()) {
                auctions.record(auction, facts, now);
                finish(auction, facts, now);
            }
            return auction.seq();
        })));
    }

    /** Cancels: its seller before the first bid, an admin any time while scheduled or running. */
    @Transactional
    void cancel(Caller caller, UUID auctionId, @Nullable Long expectedVersion) {
        Instant now = Instants.now(clock);
        Auction auction = auctions.lock(auctionId).orElseThrow(() -> NotFoundException.of("Auction", auctionId));
        if (!caller.mayManage(auction.sellerId())) {
            throw new ForbiddenException("Only the auction's seller or an admin may cancel it");
        }
        ExpectedVersion.check(expectedVersion, auction.seq(), "auction");
        List<AuctionFact> facts = auction.cancel(caller.id(), caller.isAdmin(), now);
        auctions.record(auction, facts, now);
        products.release(auction.productId(), auction.id());
        events.publishEvent(new AuctionCancelled(auction.id(), auction.productId(), auction.sellerId(), caller.id(),
                now));
    }

    /**
     * What a suspension auth published changes here, unless a later reactivation is already known: the suspension is
     * recorded in the read model first (the same version-guarded write as its own listener's, whichever runs first),
     * then checked. As a seller, every scheduled or running auction of the account is cancelled and its product
     * released; as a bidder, its maximum stops bidding for it where it leads. Returns how many auctions changed; a
     * repeated event changes none.
     */
    @Transactional
    int applySuspension(UserId account, long accountVersion) {
        accounts.apply(account, true, accountVersion);
        if (!accounts.suspended(account)) {
            return 0;
        }
        Instant now = Instants.now(clock);
        int changed = 0;
        for (UUID id : auctions.liveOf(account)) {
            Auction auction = auctions.lock(id).orElseThrow();
            List<AuctionFact> facts = auction.sellerSuspended(now);
            if (facts.isEmpty()) {
                continue;
            }
            auctions.record(auction, facts, now);
            products.release(auction.productId(), auction.id());
            events.publishEvent(new AuctionCancelled(auction.id(), auction.productId(), account, account, now));
            changed++;
        }
        for (UUID id : auctions.defendedBy(account)) {
            Auction auction = auctions.lock(id).orElseThrow();
            List<AuctionFact> facts = auction.bidderSuspended(account, now);
            if (!facts.isEmpty()) {
                auctions.record(auction, facts, now);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Starts and ends what is due, at most one batch, skipping the auctions another instance is closing; returns how
     * many it closed. Run by {@link AuctionCloser} on every instance. Each auction is closed under a savepoint of its
     * own, so that one that cannot be closed (its product's reservation lost, say) is logged and tried again at the
     * next look instead of rolling back the batch, which every instance would then pick again first: one bad auction
     * must not stop closing everywhere. Its event is published last, so a rolled-back savepoint never leaves one.
     */
    @Transactional
    int closeDue() {
        Instant now = Instants.now(clock);
        List<Auction> due = auctions.lockDue(now, properties.closerBatch());
        int closed = 0;
        for (Auction auction : due) {
            try {
                savepoints.executeWithoutResult(status -> {
                    List<AuctionFact> facts = auction.due(now);
                    auctions.record(auction, facts, now);
                    finish(auction, facts, now);
                });
                closed++;
            } catch (RuntimeException e) {
                log.error("Auction {} could not be closed; the others were, it is tried again at the next look",
                        auction.id(), e);
            }
        }
        return closed;
    }

    /** After an end: the product is sold with the auction, or free again; {@code AuctionEnded} is published. */
    private void finish(Auction auction, List<AuctionFact> facts, Instant now) {
        facts.stream().filter(Ended.class::isInstance).map(Ended.class::cast).findFirst().ifPresent(ended -> {
            if (ended.sold()) {
                products.markSold(auction.productId(), auction.id());
            } else {
                products.release(auction.productId(), auction.id());
            }
            events.publishEvent(new AuctionEnded(auction.id(), auction.productId(), auction.sellerId(), ended.sold(),
                    ended.winnerId() == null ? null : new UserId(ended.winnerId()), ended.price(),
                    auction.currency().getCurrencyCode(), now));
        });
    }

    private void requireNotSuspended(Caller caller) {
        if (accounts.suspended(caller.id())) {
            throw new ForbiddenException("A suspended account cannot bid or buy");
        }
    }

    private Instant endOf(AuctionRequests.Open request, Instant startsAt, Instant now) {
        ValidationErrors errors = new ValidationErrors();
        if (request.startsAt() != null && request.startsAt().isBefore(now)) {
            errors.add(new FieldError("starts_at", "must not be in the past"));
        } else if (startsAt.isAfter(now.plus(properties.maxScheduleAhead()))) {
            errors.add(new FieldError("starts_at", "must be at most " + properties.maxScheduleAhead() + " ahead"));
        }
        Instant endsAt = null;
        if ((request.endsAt() == null) == (request.duration() == null)) {
            errors.add(new FieldError(request.endsAt() == null ? "ends_at" : "duration",
                    "send exactly one of ends_at and duration"));
        } else if (request.endsAt() != null) {
            endsAt = request.endsAt();
        } else {
            try {
                endsAt = startsAt.plus(Duration.parse(request.duration()));
            } catch (DateTimeParseException | ArithmeticException e) {
                errors.add(new FieldError("duration", "must be an ISO 8601 duration such as PT2H"));
            }
        }
        if (endsAt != null) {
            Duration length = Duration.between(startsAt, endsAt);
            if (length.compareTo(properties.minDuration()) < 0 || length.compareTo(properties.maxDuration()) > 0) {
                errors.add(new FieldError(request.endsAt() != null ? "ends_at" : "duration", "the auction must run "
                        + "between " + properties.minDuration() + " and " + properties.maxDuration()));
            }
        }
        errors.throwIfAny();
        return endsAt.truncatedTo(ChronoUnit.MICROS);
    }
}
