package live.blytz.auctions.internal.auction;

import live.blytz.auctions.internal.AuctionsProperties;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Bids and buy-now attempts per account, on every instance together (the per-address limit is the endpoint's). */
@Component
class BidThrottle {

    private final RateLimiter limiter;
    private final RateLimitPolicy bidsPerAccount;

    BidThrottle(RateLimiter limiter, AuctionsProperties properties) {
        this.limiter = limiter;
        this.bidsPerAccount = new RateLimitPolicy("auctions-bid-account", properties.bidsPerAccount().limit(),
                properties.bidsPerAccount().window());
    }

    /** Takes one of the caller's tokens, or refuses (429 with Retry-After). */
    void take(Caller caller) {
        TooManyRequestsException refusal = tryTake(caller);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Takes one of the caller's tokens; without one, the refusal to give (429 with Retry-After), else null. */
    @Nullable TooManyRequestsException tryTake(Caller caller) {
        RateLimitDecision decision = limiter.tryAcquire(bidsPerAccount, caller.id().value().toString());
        return decision.allowed() ? null
                : new TooManyRequestsException("Too many bids from this account; slow down", decision.resetAfter());
    }

    /** Gives back a token taken for a request that cost nothing: a retry answered from its first outcome. */
    void giveBack(Caller caller) {
        limiter.giveBack(bidsPerAccount, caller.id().value().toString());
    }
}
