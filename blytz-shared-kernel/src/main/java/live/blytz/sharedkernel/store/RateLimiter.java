package live.blytz.sharedkernel.store;

/**
 * Counts hits per key in the store shared by every instance. Implementations fail open: when the store is
 * down, {@link #tryAcquire} allows the hit rather than taking the API down with it.
 */
public interface RateLimiter {

    RateLimitDecision tryAcquire(RateLimitPolicy policy, String key);

    /**
     * Gives back one hit {@link #tryAcquire} allowed, for a request that turned out to cost nothing (a retry answered
     * from its first outcome). Best effort: nothing happens when the store is down.
     */
    void giveBack(RateLimitPolicy policy, String key);
}
