package live.blytz.sharedkernel.store;

/**
 * Counts hits per key in the store shared by every instance. Implementations fail open: when the store is
 * down, {@link #tryAcquire} allows the hit rather than taking the API down with it.
 */
public interface RateLimiter {

    RateLimitDecision tryAcquire(RateLimitPolicy policy, String key);
}
