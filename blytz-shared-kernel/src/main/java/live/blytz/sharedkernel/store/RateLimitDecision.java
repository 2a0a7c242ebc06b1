package live.blytz.sharedkernel.store;

import java.time.Duration;

/** The outcome of one hit: whether it is allowed and what the client may still do (for the RateLimit-* headers). */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration resetAfter) {

    /** Used when the store cannot be reached: the request goes through, and nothing is promised about the rest. */
    public static RateLimitDecision unlimited(RateLimitPolicy policy) {
        return new RateLimitDecision(true, policy.limit(), policy.limit(), policy.window());
    }
}
