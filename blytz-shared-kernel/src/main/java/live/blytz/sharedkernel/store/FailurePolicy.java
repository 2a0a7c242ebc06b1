package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FailureThrottle} rule: within {@code window} (counted from a key's first failure) the first
 * {@code freeFailures} failures of a key cost nothing; the n-th failure beyond them starts a wait of
 * {@code waits[n-1]}, the last entry for every further one. {@code name} keeps policies' counters apart.
 */
public record FailurePolicy(String name, int freeFailures, Duration window, List<Duration> waits) {

    public FailurePolicy {
        Objects.requireNonNull(name, "name");
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must not be negative");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        waits = List.copyOf(waits);
        if (waits.isEmpty() || waits.stream().anyMatch(wait -> wait.toMillis() < 1)) {
            throw new IllegalArgumentException("waits must be at least one, each at least 1 ms");
        }
    }
}
