package live.blytz.auctions.internal.auction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission and group commit of the requests of one auction on this instance (ADR 0025). They wait here in arrival
 * order, before they take a database connection; one of them, the leader, takes every waiting request (at most
 * {@code max-batch}) once they stop arriving (at most {@code linger}, ADR 0036) and has the {@link Decider} decide them
 * together (given in arrival order, decided in the order it chooses), in one transaction under one row lock; it hands
 * each its own outcome and the lead to the next waiter. A request that is not taken within {@code max-wait}, or finds
 * {@code max-queue} waiting, is refused (503 with Retry-After). If the decider fails, every request of the batch is
 * refused: a refusal it threw is each one's, anything else a 503 (nothing was written: the transaction rolled back).
 * <p>
 * This is admission and batching only: which bid comes first across instances, and whether it wins, is still decided
 * under the auction's row lock in PostgreSQL; this class only decides which requests of this instance share a turn.
 *
 * @param <T> a request
 * @param <R> its result
 */
final class BidAdmission<T, R> {

    private static final Logger log = LoggerFactory.getLogger(BidAdmission.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Decides a batch of one auction's requests, in their order, and returns one outcome per request. */
    @FunctionalInterface
    interface Decider<T, R> {
        List<Outcome<R>> decide(UUID auctionId, List<T> batch);
    }

    /** A request's outcome: its result, or the refusal its caller gets. */
    record Outcome<R>(@Nullable R result, @Nullable DomainException refusal) {

        static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        static <R> Outcome<R> refused(DomainException refusal) {
            return new Outcome<>(null, refusal);
        }

        R get() {
            if (refusal != null) {
                throw refusal;
            }
            return result;
        }
    }

    private final BidAdmissionProperties properties;
    private final int maxBatch;
    /** In nanoseconds, computed once: a linger too long for them fails at start, not in a leader. */
    private final long lingerNanos;
    private final Decider<T, R> decider;
    /** One queue per auction with requests in flight; weakly held, so an idle auction's is collected. */
    private final LoadingCache<UUID, Gate<T, R>> gates;

    /** With {@code maxBatch} 1, each request is decided alone (still one at a time per auction). */
    BidAdmission(BidAdmissionProperties properties, int maxBatch, Decider<T, R> decider) {
        this.properties = properties;
        this.maxBatch = maxBatch;
        this.lingerNanos = properties.linger().toNanos();
        this.decider = decider;
        this.gates = Caffeine.newBuilder().weakValues().build(id -> new Gate<>());
    }

    /** The outcome of {@code request} once it has been decided in a batch of its auction's requests. */
    R admit(UUID auctionId, T request) {
        Gate<T, R> gate = gates.get(auctionId);
        Waiter<T, R> me = new Waiter<>(request);
        boolean leader;
        gate.lock.lock();
        try {
            if (gate.leading && gate.queue.size() >= properties.maxQueue()) {
                throw busy();
            }
            gate.queue.addLast(me);
            gate.arrivals++;
            leader = !gate.leading;
            gate.leading = true;
        } finally {
            gate.lock.unlock();
        }
        if (!leader) {
            Outcome<R> outcome = awaitTurn(gate, me);
            if (outcome != null) {
                return outcome.get();
            }
        }
        return lead(auctionId, gate, me);
    }

    /** How many requests of the auction wait to be taken into a batch. */
    int waiting(UUID auctionId) {
        return waitingIn(gates.get(auctionId));
    }

    /** Its outcome, or null when it is its turn to lead; refused if no batch takes it within max-wait. */
    private @Nullable Outcome<R> awaitTurn(Gate<T, R> gate, Waiter<T, R> me) {
        try {
            return me.turn.get(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            gate.lock.lock();
            try {
                if (!me.turn.isDone() && gate.queue.remove(me)) {
                    throw busy();
                }
            } finally {
                gate.lock.unlock();
            }
            // Taken into a batch (or handed the lead) meanwhile: its outcome is coming, and it cannot be undone.
            return me.turn.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a turn is never completed exceptionally", e);
        }
    }

    /** Decides the waiting requests (the leader's first), completes each, and hands the lead on. */
    private R lead(UUID auctionId, Gate<T, R> gate, Waiter<T, R> me) {
        linger(gate);
        List<Waiter<T, R>> batch = new ArrayList<>();
        gate.lock.lock();
        try {
            while (batch.size() < maxBatch && !gate.queue.isEmpty()) {
                batch.add(gate.queue.pollFirst());
            }
        } finally {
            gate.lock.unlock();
        }
        List<Outcome<R>> outcomes = null;
        // Made only when needed: an exception's stack trace is not free, and a batch is decided per few requests.
        Outcome<R> mine = null;
        try {
            outcomes = decide(auctionId, batch);
        } finally {
            for (int i = 0; i < batch.size(); i++) {
                Outcome<R> outcome = outcomes == null ? Outcome.refused(unavailable()) : outcomes.get(i);
                if (batch.get(i) == me) {
                    mine = outcome;
                } else {
                    batch.get(i).turn.complete(outcome);
                }
            }
            gate.lock.lock();
            try {
                Waiter<T, R> next = gate.queue.peekFirst();
                if (next == null) {
                    gate.leading = false;
                } else {
                    next.turn.complete(null);
                }
            } finally {
                gate.lock.unlock();
            }
        }
        return (mine == null ? Outcome.<R>refused(unavailable()) : mine).get();
    }

    /**
     * Waits, at most {@code linger}, while requests keep arriving (one more within an eighth of it), so that the burst
     * of bids a price change sets off is decided in one batch, as PostgreSQL's {@code commit_delay} lets more commits
     * share a flush. A lull ends it, and so does a full batch at the next look.
     */
    private void linger(Gate<T, R> gate) {
        long deadline = System.nanoTime() + lingerNanos;
        long seen = arrivalsAt(gate);
        while (waitingIn(gate) < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, lingerNanos / 8));
            long now = arrivalsAt(gate);
            if (now == seen) {
                return;
            }
            seen = now;
        }
    }

    private static long arrivalsAt(Gate<?, ?> gate) {
        gate.lock.lock();
        try {
            return gate.arrivals;
        } finally {
            gate.lock.unlock();
        }
    }

    private static int waitingIn(Gate<?, ?> gate) {
        gate.lock.lock();
        try {
            return gate.queue.size();
        } finally {
            gate.lock.unlock();
        }
    }

    private List<Outcome<R>> decide(UUID auctionId, List<Waiter<T, R>> batch) {
        try {
            List<Outcome<R>> outcomes = decider.decide(auctionId, batch.stream().map(waiter -> waiter.request).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("one outcome per request: " + outcomes.size() + " for " + batch.size());
            }
            return outcomes;
        } catch (DomainException e) {
            return batch.stream().map(waiter -> Outcome.<R>refused(e)).toList();
        } catch (RuntimeException e) {
            log.error("A batch of {} requests of auction {} failed; each is refused with a 503", batch.size(),
                    auctionId, e);
            return batch.stream().map(waiter -> Outcome.<R>refused(unavailable())).toList();
        }
    }

    private static AtCapacityException busy() {
        return new AtCapacityException("This auction is taking many bids at once; retry in a moment", RETRY_AFTER);
    }

    private static AtCapacityException unavailable() {
        return new AtCapacityException("This request could not be decided just now and nothing was recorded; retry it "
                + "(a bid with the same Idempotency-Key)", RETRY_AFTER);
    }

    /** One auction's waiting requests, and whether one of them is leading a batch. */
    private static final class Gate<T, R> {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Waiter<T, R>> queue = new ArrayDeque<>();
        boolean leading;
        /** Requests ever queued here: a leader lingers while it grows (the queue's size also falls with a timeout). */
        long arrivals;
    }

    /** A waiting request; its turn completes with its outcome, or with null when it is to lead the next batch. */
    private static final class Waiter<T, R> {
        final T request;
        final CompletableFuture<@Nullable Outcome<R>> turn = new CompletableFuture<>();

        Waiter(T request) {
            this.request = request;
        }
    }
}
