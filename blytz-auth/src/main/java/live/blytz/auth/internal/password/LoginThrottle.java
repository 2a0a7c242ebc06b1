package live.blytz.auth.internal.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.ExpiringStore;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Login throttling (ASVS 6.3.1, OWASP API2), in the shared store so that it holds across instances. An untrusted
 * client is counted under three keys: the account from one client address (strict), the client address (for
 * spraying many accounts), and the account from anywhere (generous, against guessing spread over many
 * addresses). Failed logins are counted per key within a window (atomically, with the foundation's
 * {@link RateLimiter}); past the free failures each further failure imposes a wait that doubles up to a cap,
 * answered with 429 and {@code Retry-After}.
 * <p>
 * An attacker must not be able to lock a real user out (ADR 0009, 0016): failures from the attacker's address make
 * that address wait for that account, not the owner's, and a <em>trusted device</em> — one presenting a valid
 * device token of the account ({@link DeviceTokens}) — skips the untrusted-client keys altogether, so even an
 * account-wide wait caused from many addresses does not reach it. Its own failures are counted under the device
 * key; past its free failures the device is untrusted for the wait and throttled like any other client (OWASP's
 * device-cookie scheme). Counters expire with their window; a success clears the counters of that address (and
 * device) for the account, never the account-wide one, so the owner logging in does not reopen the account to
 * a running attack. Unknown e-mail addresses are throttled exactly like known ones (no enumeration).
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
    private final Rule accountFromAddress;
    private final Rule ip;
    private final Rule account;
    private final Rule device;
    private final Clock clock;

    LoginThrottle(RateLimiter limiter, ExpiringStore store, AuthProperties properties, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
        this.store = store;
        this.accountFromAddress = new Rule("account", properties.throttle().account().rule());
        this.ip = new Rule("ip", properties.throttle().ip().rule());
        this.account = new Rule("account-wide", properties.throttle().accountWide().rule());
        this.device = new Rule("device", properties.throttle().device().rule());
    }

    /**
     * Refuses the attempt with 429 while a wait imposed on the account or the address is running, unless it comes
     * from a trusted device. Returns that device (pass it to {@link #failed} and {@link #succeeded}), or null for an
     * untrusted client: no device token, or one whose own failures have made it wait.
     */
    DeviceTokens.@Nullable Device check(String email, String clientIp, DeviceTokens.@Nullable Device presented) {
        Instant now = clock.instant();
        if (presented != null && remainingWait(device, presented.id(), now).isEmpty()) {
            return presented;
        }
        Optional<Duration> wait = remainingWait(accountFromAddress, accountFromAddressKey(email, clientIp), now)
                .or(() -> remainingWait(ip, clientIp, now))
                .or(() -> remainingWait(account, Secrets.hash(email), now));
        if (wait.isPresent()) {
            throw new TooManyRequestsException("Too many failed attempts; retry in " + seconds(wait.get())
                    + " seconds", wait.get());
        }
        return null;
    }

    /** Counts a failure against the trusted device, or against every key of an untrusted client. */
    void failed(String email, String clientIp, DeviceTokens.@Nullable Device trusted) {
        Instant now = clock.instant();
        if (trusted != null) {
            recordFailure(device, trusted.id(), now);
            return;
        }
        recordFailure(accountFromAddress, accountFromAddressKey(email, clientIp), now);
        recordFailure(ip, clientIp, now);
        recordFailure(account, Secrets.hash(email), now);
    }

    void succeeded(String email, String clientIp, DeviceTokens.@Nullable Device trusted) {
        clear(accountFromAddress, accountFromAddressKey(email, clientIp));
        if (trusted != null) {
            clear(device, trusted.id());
        }
    }

    private void clear(Rule rule, String key) {
        limiter.reset(rule.counter(), key);
        store.delete(waitKey(rule, key));
    }

    private static String accountFromAddressKey(String email, String clientIp) {
        return Secrets.hash(email + "|" + clientIp);
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
