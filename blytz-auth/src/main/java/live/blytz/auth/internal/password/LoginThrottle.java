package live.blytz.auth.internal.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.Secrets;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.FailurePolicy;
import live.blytz.sharedkernel.store.FailureThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Login throttling (ASVS 6.3.1, OWASP API2), in the shared store so that it holds across instances. An untrusted
 * client is counted under three keys: the account from one client address (strict), the client address (for
 * spraying many accounts), and the account from anywhere (generous, against guessing spread over many
 * addresses). Past the free failures of a key within its window each further failure imposes a wait that doubles
 * up to a cap, answered with 429 and {@code Retry-After}.
 * <p>
 * Every attempt is reserved <em>before</em> the password is checked, counted as a failure up front under all its
 * keys at once ({@link FailureThrottle#reserve}): parallel guesses cannot all pass while none of them has failed yet,
 * so of any number sent at once only the free ones (and the one that starts the wait) reach bcrypt. A success
 * settles the reservation: it clears the counters of that address (and device) for the account, and only takes
 * itself back from the address-wide and account-wide counters, so that the owner logging in does not reopen the
 * account to a running attack. An attempt whose password was never checked (a busy hashing pool) is taken back.
 * <p>
 * An attacker must not be able to lock a real user out (ADR 0009, 0016): failures from the attacker's address make
 * that address wait for that account, not the owner's, and a <em>trusted device</em> — one presenting a valid
 * device token of the account ({@link DeviceTokens}) — is counted under its own key instead of the untrusted-client
 * keys, so even an account-wide wait caused from many addresses does not reach it. Past its own free failures the
 * device is untrusted while it waits, and throttled like any other client (OWASP's device-cookie scheme). Unknown
 * e-mail addresses are throttled exactly like known ones (no enumeration).
 */
@Component
class LoginThrottle {

    /** A reserved attempt: the keys it is counted under, and those that a success clears rather than releases. */
    record Attempt(List<FailureThrottle.Key> reserved, List<FailureThrottle.Key> clearedOnSuccess) {
    }

    private final FailureThrottle throttle;
    private final FailurePolicy accountFromAddress;
    private final FailurePolicy ip;
    private final FailurePolicy account;
    private final FailurePolicy device;

    LoginThrottle(FailureThrottle throttle, AuthProperties properties) {
        this.throttle = throttle;
        this.accountFromAddress = policy("account", properties.throttle().account().rule());
        this.ip = policy("ip", properties.throttle().ip().rule());
        this.account = policy("account-wide", properties.throttle().accountWide().rule());
        this.device = policy("device", properties.throttle().device().rule());
    }

    /**
     * Reserves an attempt at the account of {@code email} from {@code clientIp}, as the {@code presented} device
     * (null: none, or not a valid token of the account) unless that device is waiting; refuses it with 429 while a
     * wait of any of its keys runs.
     */
    Attempt reserve(String email, String clientIp, DeviceTokens.@Nullable Device presented) {
        FailureThrottle.Key fromAddress = new FailureThrottle.Key(accountFromAddress,
                Secrets.hash(email + "|" + clientIp));
        if (presented != null) {
            FailureThrottle.Key deviceKey = new FailureThrottle.Key(device, presented.id());
            if (throttle.reserve(List.of(deviceKey)).isEmpty()) {
                return new Attempt(List.of(deviceKey), List.of(deviceKey, fromAddress));
            }
        }
        List<FailureThrottle.Key> keys = List.of(fromAddress, new FailureThrottle.Key(ip, clientIp),
                new FailureThrottle.Key(account, Secrets.hash(email)));
        throttle.reserve(keys).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many failed attempts; retry in " + seconds(wait) + " seconds",
                    wait);
        });
        return new Attempt(keys, List.of(fromAddress));
    }

    /** The attempt's password was right: see the class comment. */
    void succeeded(Attempt attempt) {
        attempt.clearedOnSuccess().forEach(throttle::clear);
        List<FailureThrottle.Key> released = new ArrayList<>(attempt.reserved());
        released.removeAll(attempt.clearedOnSuccess());
        if (!released.isEmpty()) {
            throttle.release(released);
        }
    }

    /** The attempt's password was never checked, so it was no failure. */
    void notChecked(Attempt attempt) {
        throttle.release(attempt.reserved());
    }

    /** The waits of the 1st, 2nd, ... failure beyond the free ones, up to the first at the cap (it holds from there). */
    private static FailurePolicy policy(String name, AuthProperties.Throttle.Rule rule) {
        List<Duration> waits = new ArrayList<>(List.of(delay(rule, 1)));
        while (waits.size() <= 30 && waits.getLast().compareTo(rule.maxDelay()) < 0) {
            waits.add(delay(rule, waits.size() + 1));
        }
        return new FailurePolicy("auth-login-failures-" + name, rule.freeFailures(), rule.window(), waits);
    }

    /** {@code base * 2^(n-1)}, capped. */
    static Duration delay(AuthProperties.Throttle.Rule settings, long failuresBeyondFree) {
        int doublings = (int) Math.min(30, failuresBeyondFree - 1);
        Duration wait = settings.baseDelay().multipliedBy(1L << doublings);
        return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
