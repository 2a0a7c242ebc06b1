package live.blytz.sharedkernel.store;

import java.time.Duration;
import java.util.Objects;

/** At most {@code limit} hits per {@code window} for one key; {@code name} keeps policies' counters apart. */
public record RateLimitPolicy(String name, long limit, Duration window) {

    public RateLimitPolicy {
        Objects.requireNonNull(name, "name");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (window.isNegative() || window.isZero() || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
    }
}
