package live.blytz.auctions.internal.auction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import live.blytz.auctions.events.BidPlaced;
import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.auctions.internal.Increments;
import live.blytz.auctions.internal.auction.AuctionFact.BidAccepted;
import live.blytz.auctions.internal.auction.AuctionFact.Logged;
import live.blytz.auctions.internal.auction.AuctionFact.MaxRaised;
import live.blytz.auctions.internal.auction.AuctionRepository.BeforeLock;
import live.blytz.auctions.internal.auction.AuctionRepository.KeyClaim;
import live.blytz.auctions.internal.auction.AuctionRepository.KeyOutcome;
import live.blytz.auctions.internal.auction.AuctionRepository.KeyRef;
import live.blytz.auctions.internal.auction.AuctionRequests.BidResult;
import live.blytz.auctions.internal.auction.BidAdmission.Outcome;
import live.blytz.auctions.internal.browse.AuctionBrowseService;
import live.blytz.auctions.internal.browse.AuctionBrowseService.AfterBid;
import live.blytz.auctions.internal.browse.AuctionBrowseService.BidView;
import live.blytz.auctions.internal.browse.AuctionBrowseService.Bidder;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.DomainException;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides a batch of bids of one auction together (group commit, ADR 0025), in one transaction: one statement claims
 * their Idempotency-Keys, finds the suspended bidders and reads the auction as last committed (a bid too low for it
 * is refused without the lock), and a bid whose request found the per-account rate limit exhausted is refused if its
 * key is new; then the row lock; then each bid is decided against the state the bids before it left, lowest amount
 * first (of equal amounts, the first to arrive): the bids of a batch are concurrent, and this order refuses only a bid
 * that the ones below it priced out; then one statement writes every fact, projection and key outcome, and one
 * commit. Each accepted bid is answered with its own fact and the auction as the batch left it. A bid whose key was
 * used before gets the stored first outcome (or a 409 for another request); a second request with the same key in the
 * batch is answered as a retry of the first. A batch with no accepted bid rolls back, which releases its keys. Once
 * committed, the auction as the accepted bids' bidders see it is read once for the whole batch, not once per answer.
 */
@Component
class BidBatchDecider {

    private static final Logger log = LoggerFactory.getLogger(BidBatchDecider.class);

    private final AuctionRepository auctions;
    private final IdempotencyKeyRepository keys;
    private final Increments increments;
    private final AuctionsProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final AuctionBrowseService views;
    private final Clock clock;

    BidBatchDecider(AuctionRepository auctions, IdempotencyKeyRepository keys, Increments increments,
            AuctionsProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
            JsonMapper json, AuctionBrowseService views, Clock clock) {
        this.auctions = auctions;
        this.keys = keys;
        this.increments = increments;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.views = views;
        this.clock = clock;
    }

    /**
     * A bid waiting to be decided: who, with which key, for what, and the refusal its request got from the per-account
     * rate limit (null: within it), given only if its key is new.
     */
    record PendingBid(Caller caller, String key, AuctionRequests.Bid request,
            @Nullable TooManyRequestsException overLimit) {

        KeyRef ref() {
            return new KeyRef(caller.id().value(), key);
        }
    }

    /** One outcome per bid of {@code batch}, in its order. */
    List<Outcome<BidOutcome>> decide(UUID auctionId, List<PendingBid> batch) {
        Decision decision = transactions.execute(status -> {
            Decision decided = new Decision(auctionId, batch, Instants.now(clock));
            decided.run();
            if (decided.accepted.isEmpty()) {
                status.setRollbackOnly();
            }
            return decided;
        });
        decision.answerAccepted(viewsAfter(decision));
        return decision.outcomes;
    }

    /**
     * The auction as each accepted bid's bidder sees it, in one read after the commit: every accepted bid of a batch is
     * answered with the auction as the batch left it. Empty if that read fails: the bids are committed all the same,
     * and each request then reads its own view (and fails alone if the database is really gone).
     */
    private Map<KeyRef, BidView> viewsAfter(Decision decision) {
        if (decision.accepted.isEmpty()) {
            return Map.of();
        }
        List<KeyRef> refs = List.copyOf(decision.accepted.keySet());
        AfterBid state = decision.accepted.get(refs.getFirst()).auction();
        try {
            List<BidView> read = views.afterBids(decision.auctionId, state, refs.stream()
                    .map(ref -> new Bidder(decision.callers.get(ref), decision.accepted.get(ref).maxAmount())).toList());
            Map<KeyRef, BidView> byRef = new HashMap<>();
            for (int i = 0; i < refs.size(); i++) {
                byRef.put(refs.get(i), read.get(i));
            }
            return byRef;
        } catch (RuntimeException e) {
            log.warn("The views of a committed batch of auction {} could not be read; each bid reads its own: {}",
                    decision.auctionId, e.toString());
            return Map.of();
        }
    }

    /** The decision of one batch. */
    private final class Decision {

        final UUID auctionId;
        final List<PendingBid> batch;
        final Instant now;
        final List<String> fingerprints = new ArrayList<>();
        final List<Outcome<BidOutcome>> outcomes;
        /** The accepted bids' results by key, in order, and who placed them. */
        final Map<KeyRef, BidResult> accepted = new LinkedHashMap<>();
        final Map<KeyRef, Caller> callers = new HashMap<>();
        /** The requests answered with an accepted bid's outcome, once its view is known. */
        final List<Answer> answers = new ArrayList<>();
        final List<Logged> appended = new ArrayList<>();
        final List<Placed> placed = new ArrayList<>();
        /** The keys this batch claimed: each is stored with its accepted bid's outcome, or released. */
        Set<KeyRef> claimed = Set.of();

        Decision(UUID auctionId, List<PendingBid> batch, Instant now) {
            this.auctionId = auctionId;
            this.batch = batch;
            this.now = now;
            this.outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
            batch.forEach(bid -> fingerprints.add(fingerprint(auctionId, bid.request())));
        }

        void run() {
            // The first request of each key claims it, with its fingerprint.
            Map<KeyRef, Integer> firstOfKey = new LinkedHashMap<>();
            Set<UUID> bidders = new LinkedHashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                firstOfKey.putIfAbsent(batch.get(i).ref(), i);
                bidders.add(batch.get(i).caller().id().value());
            }
            List<KeyClaim> claims = firstOfKey.entrySet().stream()
                    .map(entry -> new KeyClaim(entry.getKey(), fingerprints.get(entry.getValue()))).toList();
            BeforeLock look = auctions.claimAndPeek(auctionId, claims, bidders, now)
                    .orElseThrow(() -> NotFoundException.of("Auction", auctionId));
            claimed = look.claimed();
            List<KeyRef> used = firstOfKey.keySet().stream().filter(ref -> !claimed.contains(ref)).toList();
            Map<KeyRef, IdempotencyKeyRepository.Stored> stored = used.isEmpty() ? Map.of() : keys.findAll(used);

            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                PendingBid bid = batch.get(i);
                if (!claimed.contains(bid.ref())) {
                    outcomes.set(i, replay(stored.get(bid.ref()), fingerprints.get(i)));
                } else if (!fingerprints.get(firstOfKey.get(bid.ref())).equals(fingerprints.get(i))) {
                    // The key was claimed by an earlier request of this batch with another body.
                    outcomes.set(i, Outcome.refused(keyUsedForAnother()));
                } else if (look.suspended().contains(bid.caller().id().value())) {
                    outcomes.set(i, Outcome.refused(new ForbiddenException("A suspended account cannot bid or buy")));
                } else if (withinLimit(i, bid, firstOfKey)) {
                    candidates.add(i);
                }
            }
            // Refused on the state last committed (its minimum only rises), without queuing for the lock.
            List<Integer> toDecide = new ArrayList<>();
            for (int i : candidates) {
                try {
                    Amounts amounts = amounts(look.seen(), batch.get(i).request());
                    look.seen().refuseIfTooLow(batch.get(i).caller().id(), amounts.amount(), now, increments);
                    toDecide.add(i);
                } catch (DomainException e) {
                    outcomes.set(i, Outcome.refused(e));
                }
            }
            if (!toDecide.isEmpty()) {
                decideLocked(toDecide);
            }
        }

        /**
         * The per-account rate limit as the bid's request found it, applied only now that its key is known to be new,
         * so that a retry of a decided bid is answered whatever its account's tokens; a retry of a bid of this batch
         * shares the first one's outcome.
         */
        private boolean withinLimit(int i, PendingBid bid, Map<KeyRef, Integer> firstOfKey) {
            int first = firstOfKey.get(bid.ref());
            if (first != i) {
                outcomes.set(i, outcomes.get(first));
                return outcomes.get(i) == null;
            }
            if (bid.overLimit() != null) {
                outcomes.set(i, Outcome.refused(bid.overLimit()));
                return false;
            }
            return true;
        }

        /**
         * Under the row lock, lowest amount first (a stable sort: of equal amounts the first to arrive, and a retry
         * of a key decided earlier in the batch, with the same amount, comes after it and is its retry); each accepted
         * bid is then answered with the auction as the whole batch left it.
         */
        private void decideLocked(List<Integer> toDecide) {
            Auction auction = auctions.lock(auctionId).orElseThrow(() -> NotFoundException.of("Auction", auctionId));
            List<Integer> order = new ArrayList<>(toDecide);
            order.sort(Comparator.comparing(i -> batch.get(i).request().amount()));
            Map<KeyRef, Mine> mine = new LinkedHashMap<>();
            for (int i : order) {
                PendingBid bid = batch.get(i);
                boolean retry = mine.containsKey(bid.ref());
                if (!retry) {
                    try {
                        mine.put(bid.ref(), decideOne(auction, bid));
                    } catch (DomainException e) {
                        outcomes.set(i, Outcome.refused(e));
                        continue;
                    }
                }
                answers.add(new Answer(i, bid.ref(), retry));
            }
            if (mine.isEmpty()) {
                return;
            }
            mine.forEach((ref, bid) -> {
                accepted.put(ref, result(bid, auction, now));
                callers.put(ref, bid.bidder());
            });
            List<KeyOutcome> stored = new ArrayList<>();
            accepted.forEach((ref, result) -> stored.add(new KeyOutcome(ref, 201, json.writeValueAsString(result))));
            List<KeyRef> released = claimed.stream().filter(ref -> !accepted.containsKey(ref)).toList();
            Map<UUID, Integer> handles = auctions.append(auction, appended, stored, released);
            for (Placed bid : placed) {
                Integer handle = handles.get(bid.leaderId());
                events.publishEvent(new BidPlaced(auctionId, bid.seq(), bid.price(), bid.currency(), bid.bidCount(),
                        handle == null ? "" : "bidder-" + handle, bid.reserveMet(), bid.endsAt(), now));
            }
        }

        /** Answers the requests of the accepted bids, with the views read after the commit where there are some. */
        void answerAccepted(Map<KeyRef, BidView> views) {
            answers.forEach(answer -> outcomes.set(answer.index(), Outcome.of(new BidOutcome(
                    accepted.get(answer.ref()), answer.retry(), views.get(answer.ref())))));
        }

        /** One bid against the state the bids before it left: its facts folded in, what it stands at. */
        private Mine decideOne(Auction auction, PendingBid bid) {
            Amounts amounts = amounts(auction, bid.request());
            List<AuctionFact> facts = auction.bid(bid.caller().id(), amounts.amount(), amounts.max(), now, increments,
                    properties.extension());
            List<Logged> logged = auction.fold(facts, now);
            appended.addAll(logged);
            Logged fact = logged.stream().filter(entry -> entry.fact() instanceof BidAccepted
                    || entry.fact() instanceof MaxRaised).findFirst().orElseThrow();
            if (fact.fact() instanceof BidAccepted accepted) {
                placed.add(new Placed(auction.seq(), auction.currentPrice().amount(),
                        auction.currency().getCurrencyCode(), auction.bidCount(), auction.leaderId().value(),
                        auction.reserveMet(), auction.endsAt()));
                return new Mine(bid.caller(), fact.seq(), BidResult.BID, accepted.amount(), accepted.maxAmount());
            }
            // The leader only raised their maximum: no bid was placed, so nothing is published.
            return new Mine(bid.caller(), fact.seq(), BidResult.MAX_RAISED, auction.currentPrice().amount(),
                    ((MaxRaised) fact.fact()).leaderMax());
        }
    }

    /** An accepted bid's outcome with the auction as its batch left it: a bid outbid later in it is not leading. */
    private BidResult result(Mine bid, Auction auction, Instant placedAt) {
        return new BidResult(bid.seq(), bid.kind(), bid.stands(), bid.max(),
                bid.bidder().id().equals(auction.leaderId()), placedAt,
                new AfterBid(auction.currentPrice().amount(), auction.bidCount(), auction.leaderId().value(),
                        auction.endsAt(), auction.seq()));
    }

    /**
     * An accepted bid's own part of its outcome: its fact's position, its kind (bid, or max_raised), what it stands
     * at, its maximum.
     */
    private record Mine(Caller bidder, long seq, String kind, BigDecimal stands, BigDecimal max) {
    }

    /** A request of the batch answered with the outcome of {@code ref}'s accepted bid; a retry if not the first. */
    private record Answer(int index, KeyRef ref, boolean retry) {
    }

    /** A key used before: its stored first outcome, or a 409 if it was for another request. */
    private Outcome<BidOutcome> replay(IdempotencyKeyRepository.@Nullable Stored stored,
            String fingerprint) {
        if (stored == null) {
            // Claimed by another transaction that then released it, between this batch's two looks: retry.
            return Outcome.refused(new AtCapacityException("This bid's Idempotency-Key was being used by another "
                    + "request; retry with the same key", Duration.ofSeconds(1)));
        }
        if (!stored.fingerprint().equals(fingerprint) || stored.body() == null) {
            return Outcome.refused(keyUsedForAnother());
        }
        return Outcome.of(new BidOutcome(json.readValue(stored.body(), BidResult.class), true, null));
    }

    /** What {@code BidPlaced} says of an accepted bid: the auction as that bid left it. */
    private record Placed(long seq, BigDecimal price, String currency, int bidCount, UUID leaderId, boolean reserveMet,
            Instant endsAt) {
    }

    private record Amounts(Money amount, Money max) {
    }

    private static Amounts amounts(Auction auction, AuctionRequests.Bid request) {
        Money amount = money(auction, "amount", request.amount());
        Money max = request.maxAmount() == null ? amount : money(auction, "max_amount", request.maxAmount());
        if (max.compareTo(amount) < 0) {
            throw ValidationException.of("max_amount", "must be at least amount");
        }
        return new Amounts(amount, max);
    }

    private static ConflictException keyUsedForAnother() {
        return new ConflictException("This Idempotency-Key was already used for another request; use a new key for a "
                + "new bid");
    }

    private static Money money(Auction auction, String field, BigDecimal amount) {
        if (amount.signum() <= 0 || amount.compareTo(new BigDecimal(AuctionRequests.MAX_AMOUNT)) > 0) {
            throw ValidationException.of(field, "must be greater than 0 and at most " + AuctionRequests.MAX_AMOUNT);
        }
        try {
            return auction.money(amount);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "must have at most "
                    + Math.max(auction.currency().getDefaultFractionDigits(), 0) + " decimals for "
                    + auction.currency().getCurrencyCode());
        }
    }

    /** What makes two bid requests the same: the auction and the amounts (by value: 10 and 10.00 are equal). */
    static String fingerprint(UUID auctionId, AuctionRequests.Bid request) {
        String text = auctionId + "|" + request.amount().stripTrailingZeros().toPlainString() + "|"
                + (request.maxAmount() == null ? "" : request.maxAmount().stripTrailingZeros().toPlainString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
