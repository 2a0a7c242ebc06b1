package live.blytz.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.ExpiringStore;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Login throttling (ASVS 6.3.1, OWASP API2) per account and per client address, in the shared store so that it
 * holds across instances. Failed logins are counted per key within a window (atomically, with the foundation's
 * {@link RateLimiter}); past the free failures each further failure imposes a wait that doubles up to a cap,
 * answered with 429 and {@code Retry-After}. The counters expire with their window, a success clears the
 * account's, and the wait never exceeds the cap: an attacker can slow a real user down, never lock them out
 * for good. Unknown e-mail addresses are throttled exactly like known ones (no enumeration). See ADR 0009.
 */
@Component
class LoginThrottle {

    // The limiter is used as an atomic counter: the ceiling is never reached, remaining = ceiling - count.
    private static final long COUNTER_CEILING = 1_000_000_000L;

    private record Rule(String name, AuthProperties.Throttle.Rule settings, RateLimitPolicy counter) {

        Rule(String name, AuthProperties.Throttle.Rule settings) {
            this(name, settings, new RateLimitPolicy("auth-login-failures-" + name, COUNTER_CEILING, settings.window()));
        }
    }

    private final RateLimiter limiter;
    private final ExpiringStore store;
    private final Rule account;
    private final Rule ip;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(RateLimiter limiter, ExpiringStore store, AuthProperties properties) {
        this.limiter = limiter;
        this.store = store;
        this.account = new Rule("account", properties.throttle().account().rule());
        this.ip = new Rule("ip", properties.throttle().ip().rule());
    }

    /** Refuses the attempt with 429 while a wait imposed on the account or the address is running. */
    void check(String email, String clientIp) {
        Instant now = clock.instant();
        Optional<Duration> wait = remainingWait(account, Secrets.hash(email), now)
                .or(() -> remainingWait(ip, clientIp, now));
        if (wait.isPresent()) {
            throw new TooManyRequestsException("Too many failed logins; retry in " + seconds(wait.get())
                    + " seconds", wait.get());
        }
    }

    void failed(String email, String clientIp) {
        Instant now = clock.instant();
        recordFailure(account, Secrets.hash(email), now);
        recordFailure(ip, clientIp, now);
    }

    void succeeded(String email) {
        String key = Secrets.hash(email);
        limiter.reset(account.counter(), key);
        store.delete(waitKey(account, key));
    }

    private Optional<Duration> remainingWait(Rule rule, String key, Instant now) {
        return store.get(waitKey(rule, key))
                .map(until -> Duration.between(now, Instant.ofEpochMilli(Long.parseLong(until))))
                .filter(left -> left.isPositive());
    }

    private void recordFailure(Rule rule, String key, Instant now) {
        RateLimitDecision decision = limiter.tryAcquire(rule.counter(), key);
        long failures = COUNTER_CEILING - decision.remaining();
        long beyond = failures - rule.settings().freeFailures();
        if (beyond < 1) {
            return;
        }
        Duration wait = delay(rule.settings(), beyond);
        store.put(waitKey(rule, key), Long.toString(now.plus(wait).toEpochMilli()), wait);
    }

    /** {@code base * 2^(n-1)}, capped. */
    static Duration delay(AuthProperties.Throttle.Rule settings, long failuresBeyondFree) {
        int doublings = (int) Math.min(30, failuresBeyondFree - 1);
        Duration wait = settings.baseDelay().multipliedBy(1L << doublings);
        return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
    }

    private static String waitKey(Rule rule, String key) {
        return "auth:throttle:" + rule.name() + ":" + key;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
