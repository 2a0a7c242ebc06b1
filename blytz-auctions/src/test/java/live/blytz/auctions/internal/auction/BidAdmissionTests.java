package live.blytz.auctions.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import live.blytz.sharedkernel.error.AtCapacityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-auction admission of bids on one instance: a turn per auction, a bounded queue, a fast refusal beyond. */
class BidAdmissionTests {

    final UUID hot = UUID.randomUUID();
    /** Threads of their own: the common pool may have a single thread on a small machine. */
    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void pastTheQueueABidIsRefusedAtOnceWhileOtherAuctionsAreAdmitted() throws Exception {
        BidAdmission admission = new BidAdmission(new BidAdmissionProperties(1, Duration.ofMinutes(1), 0));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(hot, () -> {
            inside.countDown();
            await(release);
            return "first";
        }), threads);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        // No waiting room (max-queue 0) and the one turn taken: refused without waiting the minute of max-wait.
        assertThatThrownBy(() -> admission.admit(hot, () -> "second"))
                .isInstanceOfSatisfying(AtCapacityException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(admission.admit(UUID.randomUUID(), () -> "another auction")).isEqualTo("another auction");

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admission.admit(hot, () -> "after")).isEqualTo("after");
    }

    @Test
    void aWaitingBidRunsWhenTheTurnBeforeItEndsEvenIfThatOneFailed() throws Exception {
        BidAdmission admission = new BidAdmission(new BidAdmissionProperties(1, Duration.ofMinutes(1), 10));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> admission.admit(hot, () -> {
            inside.countDown();
            await(release);
            throw new IllegalStateException("refused under the lock");
        }), threads);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> admission.admit(hot, () -> "waited"), threads);

        release.countDown();
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("waited");
        assertThat(failing).isCompletedExceptionally();
    }

    @Test
    void aBidThatWaitsLongerThanMaxWaitIsRefused() throws Exception {
        BidAdmission admission = new BidAdmission(new BidAdmissionProperties(1, Duration.ZERO, 10));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(hot, () -> {
            inside.countDown();
            await(release);
            return "first";
        }), threads);
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> admission.admit(hot, () -> "second")).isInstanceOf(AtCapacityException.class);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
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
