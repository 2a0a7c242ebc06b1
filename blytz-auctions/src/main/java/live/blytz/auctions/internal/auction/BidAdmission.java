package live.blytz.auctions.internal.auction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import live.blytz.sharedkernel.error.AtCapacityException;
import org.springframework.stereotype.Component;

/**
 * Admission of the bids and buy-now attempts of one auction on this instance, before they take a database
 * connection: at most {@code permits} run at once; the others wait here in arrival order, at most {@code max-wait},
 * and past {@code max-queue} waiters a bid is refused at once (503 with Retry-After). Without it, every bid of a hot
 * auction held one of the pool's connections while it queued on the auction's row lock, and the pool ran dry for
 * every request of the instance (ADR 0025). This is admission only: which bid comes first, and whether it wins, is
 * still decided under the auction's row lock in PostgreSQL, which orders the bids of every instance.
 */
@Component
class BidAdmission {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final BidAdmissionProperties properties;
    /** One fair semaphore per auction with bids in flight; weakly held, so an idle auction's is collected. */
    private final LoadingCache<UUID, Semaphore> gates;

    BidAdmission(BidAdmissionProperties properties) {
        this.properties = properties;
        this.gates = Caffeine.newBuilder().weakValues().build(id -> new Semaphore(properties.permits(), true));
    }

    /** Runs {@code decision} (a transaction on the auction) once this instance admits one more on the auction. */
    <T> T admit(UUID auctionId, Supplier<T> decision) {
        Semaphore gate = gates.get(auctionId);
        if (!acquire(gate, Duration.ZERO) && (gate.getQueueLength() >= properties.maxQueue()
                || !acquire(gate, properties.maxWait()))) {
            throw new AtCapacityException("This auction is taking many bids at once; retry in a moment", RETRY_AFTER);
        }
        try {
            return decision.get();
        } finally {
            gate.release();
        }
    }

    /** A turn within {@code wait}, in arrival order (a free turn is not taken past those waiting for it). */
    private static boolean acquire(Semaphore gate, Duration wait) {
        try {
            return gate.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
