package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import live.blytz.auctions.internal.auction.BidAdmission.Outcome;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-auction admission and group commit of bids on one instance: the requests waiting while a batch is decided
 * are decided together next, in arrival order, each with its own outcome; a leader lingers while requests keep
 * arriving; a bounded queue and wait; a failed batch refuses each of its requests and the next batch still runs.
 */
class BidAdmissionTests {

    final UUID hot = UUID.randomUUID();
    /** Threads of their own: the common pool may have a single thread on a small machine. */
    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Decides each request by its text: "block" waits for {@link #release}, "low" is refused, "fail" fails all. */
    List<Outcome<String>> decide(UUID auction, List<String> batch) {
        batches.add(batch);
        if (batch.contains("block")) {
            inside.countDown();
            await(release);
        }
        if (batch.contains("fail")) {
            throw new IllegalStateException("the transaction failed");
        }
        if (batch.contains("gone")) {
            throw NotFoundException.of("Auction", auction);
        }
        return batch.stream().map(bid -> bid.startsWith("low")
                ? Outcome.<String>refused(new ConflictException("too low: " + bid))
                : Outcome.of("accepted " + bid)).toList();
    }

    BidAdmission<String, String> admission(int maxBatch, Duration maxWait, int maxQueue) {
        return admission(maxBatch, maxWait, maxQueue, Duration.ZERO);
    }

    BidAdmission<String, String> admission(int maxBatch, Duration maxWait, int maxQueue, Duration linger) {
        return new BidAdmission<>(new BidAdmissionProperties(maxBatch, maxWait, maxQueue, linger), maxBatch,
                this::decide);
    }

    @Test
    void theBidsWaitingWhileABatchIsDecidedAreDecidedTogetherInArrivalOrderEachWithItsOwnOutcome() throws Exception {
        BidAdmission<String, String> admission = admission(64, Duration.ofMinutes(1), 100);
        CompletableFuture<String> first = submit(admission, "block");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> a = submitQueued(admission, "a", 1);
        CompletableFuture<String> low = submitQueued(admission, "low-b", 2);
        CompletableFuture<String> c = submitQueued(admission, "c", 3);

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("accepted block");
        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("accepted a");
        assertThat(c.get(30, TimeUnit.SECONDS)).isEqualTo("accepted c");
        assertThatThrownBy(() -> low.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(ConflictException.class)
                .hasMessage("too low: low-b");
        assertThat(batches).containsExactly(List.of("block"), List.of("a", "low-b", "c"));
    }

    @Test
    void aBatchIsAtMostMaxBatchAndTheRestIsTheNextBatch() throws Exception {
        BidAdmission<String, String> admission = admission(2, Duration.ofMinutes(1), 100);
        CompletableFuture<String> first = submit(admission, "block");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = List.of(submitQueued(admission, "a", 1),
                submitQueued(admission, "b", 2), submitQueued(admission, "c", 3));
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<String> bid : waiting) {
            assertThat(bid.get(30, TimeUnit.SECONDS)).startsWith("accepted");
        }
        assertThat(batches).containsExactly(List.of("block"), List.of("a", "b"), List.of("c"));
    }

    @Test
    void aLeaderLingersWhileBidsKeepArrivingSoThatTheyShareItsBatchAndALullEndsIt() throws Exception {
        // A lull is an eighth of the linger: a second here, far longer than the test takes to send the next bid.
        BidAdmission<String, String> admission = admission(64, Duration.ofMinutes(1), 100, Duration.ofSeconds(8));
        long start = System.nanoTime();
        CompletableFuture<String> a = submitQueued(admission, "a", 1);
        CompletableFuture<String> b = submitQueued(admission, "b", 2);
        CompletableFuture<String> c = submitQueued(admission, "c", 3);

        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo("accepted a");
        assertThat(List.of(b.get(30, TimeUnit.SECONDS), c.get(30, TimeUnit.SECONDS)))
                .containsExactly("accepted b", "accepted c");
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        // Taken after the lull, not after the whole linger.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aNegativeLingerOrOneAsLongAsMaxWaitIsRefused() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Duration second = Duration.ofSeconds(1);
        assertThat(validator.validate(new BidAdmissionProperties(64, second, 200, Duration.ofMillis(4)))).isEmpty();
        assertThat(validator.validate(new BidAdmissionProperties(64, Duration.ZERO, 200, Duration.ZERO))).isEmpty();
        for (Duration linger : List.of(second, Duration.ofMillis(-1))) {
            assertThat(validator.validate(new BidAdmissionProperties(64, second, 200, linger)))
                    .extracting(ConstraintViolation::getMessage)
                    .containsExactly("linger must be zero or more, and shorter than max-wait");
        }
    }

    @Test
    void aFailedBatchRefusesEachOfItsBidsWithA503AndTheNextBatchStillRuns() throws Exception {
        BidAdmission<String, String> admission = admission(64, Duration.ofMinutes(1), 100);
        CompletableFuture<String> first = submit(admission, "block");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> a = submitQueued(admission, "a", 1);
        CompletableFuture<String> failing = submitQueued(admission, "fail", 2);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<String> bid : List.of(a, failing)) {
            assertThatThrownBy(() -> bid.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(AtCapacityException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        }
        // A refusal of the whole batch (its auction is gone) is each bid's own; and the lead was handed on after both.
        assertThatThrownBy(() -> admission.admit(hot, "gone")).isInstanceOf(NotFoundException.class);
        assertThat(admission.admit(hot, "after")).isEqualTo("accepted after");
    }

    @Test
    void pastTheQueueABidIsRefusedAtOnceWhileOtherAuctionsAreAdmitted() throws Exception {
        BidAdmission<String, String> admission = admission(64, Duration.ofMinutes(1), 0);
        CompletableFuture<String> first = submit(admission, "block");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        // No waiting room (max-queue 0) while a batch is decided: refused without waiting the minute of max-wait.
        assertThatThrownBy(() -> admission.admit(hot, "second"))
                .isInstanceOfSatisfying(AtCapacityException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(admission.admit(UUID.randomUUID(), "another auction")).isEqualTo("accepted another auction");

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("accepted block");
        assertThat(admission.admit(hot, "after")).isEqualTo("accepted after");
    }

    @Test
    void aBidNotTakenIntoABatchWithinMaxWaitIsRefusedAndLeavesTheQueue() throws Exception {
        BidAdmission<String, String> admission = admission(64, Duration.ZERO, 10);
        CompletableFuture<String> first = submit(admission, "block");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> admission.admit(hot, "second")).isInstanceOf(AtCapacityException.class);
        assertThat(admission.waiting(hot)).isZero();
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("accepted block");
        assertThat(batches).containsExactly(List.of("block"));
    }

    private CompletableFuture<String> submit(BidAdmission<String, String> admission, String bid) {
        return CompletableFuture.supplyAsync(() -> admission.admit(hot, bid), threads);
    }

    /** Submits {@code bid} and returns once {@code waiting} bids wait (so the arrival order is the test's). */
    private CompletableFuture<String> submitQueued(BidAdmission<String, String> admission, String bid, int waiting)
            throws InterruptedException {
        CompletableFuture<String> future = submit(admission, bid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admission.waiting(hot) < waiting && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(admission.waiting(hot)).isEqualTo(waiting);
        return future;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
