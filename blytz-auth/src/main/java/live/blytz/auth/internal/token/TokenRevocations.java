package live.blytz.auth.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import live.blytz.auth.SharedRevocations;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.Broadcasts;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Immediate revocation of access tokens without a database query or a network round trip per request.
 * <p>
 * The shared store holds the revocations every instance, and every other service that verifies the tokens, must
 * honour (their keys are the published {@link SharedRevocations} contract):
 * <ul>
 * <li>{@code auth:deny:sid:<session id>} — an ended session (logout, ended by the user, refresh-token reuse, a lost
 * refresh race, the session limit): every access token of that session is void, whichever refresh issued it;</li>
 * <li>{@code auth:tva:<user id>} — the account's {@code tokens_valid_after} in epoch seconds: every token of
 * that user issued before it is void (password change or reset, suspension, role change, logout-all);</li>
 * <li>{@code auth:revocations:loaded} — the marker that the two kinds above are complete;</li>
 * <li>{@code auth:revocations:version} — a counter incremented by every revocation.</li>
 * </ul>
 * Entries live as long as a token they void could still be accepted: its lifetime <em>plus the clock skew</em> the
 * {@code JwtDecoder}'s timestamp validator forgives ({@code blytz.auth.clock-skew}).
 * <p>
 * Every instance also keeps them in memory ({@link RecentRevocations}, ADR 0027) and checks tokens there: the
 * revoking instance before it answers, the others when the revocation's broadcast reaches them (a moment later).
 * A poll of the version counter every {@code revocations.poll} notices a broadcast that was lost and rebuilds the
 * copy from PostgreSQL, as does every (re)subscription. The copy is trusted only while such a poll has succeeded
 * within {@code revocations.trust}; otherwise each check reads the store itself, as below.
 * <p>
 * Redis holds a cache of PostgreSQL, the system of record (sessions' {@code revoked_at}, accounts'
 * {@code tokens_valid_after}). When the marker is missing — Redis was flushed, failed over to an empty replica, or
 * evicted it, and it also expires after one token lifetime, bounding the effect of an evicted entry — the recent
 * revocations are reloaded from the database (once per instance at a time; other requests wait) before the token
 * is judged.
 * <p>
 * If the store is down the token is not accepted (fail closed, ADR 0006/0009: a revoked token must never work again
 * because Redis is unreachable), but not declared invalid either: an {@link AuthenticationServiceException} makes the
 * request a 503, so clients retry rather than throw a valid token away.
 */
@Component
public class TokenRevocations implements OAuth2TokenValidator<Jwt>, DisposableBean {

    static final String LOADED_KEY = SharedRevocations.LOADED;
    static final String VERSION_KEY = SharedRevocations.VERSION;
    static final String CHANNEL = SharedRevocations.CHANNEL;
    /** A refresh that raced a session's revocation may issue its token a moment after the revocation is stored. */
    private static final Duration REFRESH_RACE_MARGIN = Duration.ofMinutes(1);
    private static final Duration FORGET_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was revoked", null);

    private final ExpiringStore store;
    private final Broadcasts broadcasts;
    private final RevocationQueries queries;
    private final Duration validAfterTtl;
    private final Duration sessionTtl;
    private final Duration loadedTtl;
    private final long trustNanos;
    private final ReentrantLock reloading = new ReentrantLock();
    private final Clock clock;
    private final RecentRevocations recent = new RecentRevocations();
    // Its own thread: the poll must not wait behind the application's scheduled jobs.
    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("token-revocations-sync").daemon().factory());
    private volatile long trustedUntil = System.nanoTime();
    private volatile Instant lastForgotten = Instant.EPOCH;

    TokenRevocations(ExpiringStore store, Broadcasts broadcasts, RevocationQueries queries, AuthProperties properties,
            Clock clock) {
        this.store = store;
        this.broadcasts = broadcasts;
        this.queries = queries;
        this.clock = clock;
        this.validAfterTtl = properties.accessTokenLifetime().plus(properties.clockSkew());
        this.sessionTtl = validAfterTtl.plus(REFRESH_RACE_MARGIN);
        this.loadedTtl = properties.accessTokenLifetime();
        this.trustNanos = properties.revocations().trust().toNanos();
        broadcasts.subscribe(CHANNEL, new Broadcasts.Listener() {
            @Override
            public void received(String message) {
                apply(message);
            }

            @Override
            public void resumed() {
                sync.execute(TokenRevocations.this::rebuild);
            }
        });
        long poll = properties.revocations().poll().toMillis();
        sync.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String sessionId = token.getClaimAsString(AccessTokens.SESSION_CLAIM);
        if (token.getSubject() == null || token.getIssuedAt() == null || sessionId == null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        boolean revoked = System.nanoTime() - trustedUntil < 0
                ? recent.revoked(sessionId, token.getSubject(), token.getIssuedAt(), clock.instant())
                : revokedInStore(token, sessionId);
        return revoked ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
    }

    private boolean revokedInStore(Jwt token, String sessionId) {
        List<String> keys = List.of(sessionKey(sessionId), validAfterKey(token.getSubject()), LOADED_KEY);
        try {
            Map<String, String> entries = store.getAll(keys);
            if (!entries.containsKey(LOADED_KEY)) {
                entries = reloadThenRead(keys);
            }
            String validAfter = entries.get(keys.get(1));
            return entries.containsKey(keys.get(0))
                    || validAfter != null && token.getIssuedAt().getEpochSecond() < Long.parseLong(validAfter);
        } catch (DependencyUnavailableException | DataAccessException e) {
            log.warn("Cannot check an access token: the revocation state is unavailable ({})", e.getMessage());
            throw new AuthenticationServiceException("The access token cannot be checked right now", e);
        }
    }

    /** Voids every access token of the session, including one a concurrent refresh is issuing right now. */
    public void denySession(UUID sessionId) {
        store.put(sessionKey(sessionId.toString()), "1", sessionTtl);
        long version = store.increment(VERSION_KEY);
        Instant until = clock.instant().plus(sessionTtl);
        recent.endSession(version, sessionId.toString(), until);
        broadcasts.publish(CHANNEL, version + " sid " + sessionId + " " + until.toEpochMilli());
    }

    /** Publishes the account's {@code tokens_valid_after}: every older token of the user stops working. */
    public void revokeBefore(UserId user, Instant tokensValidAfter) {
        Instant until = tokensValidAfter.plus(validAfterTtl);
        Duration ttl = Duration.between(clock.instant(), until);
        if (!ttl.isNegative() && !ttl.isZero()) {
            long epochSecond = tokensValidAfter.getEpochSecond();
            store.put(validAfterKey(user.toString()), Long.toString(epochSecond), ttl);
            long version = store.increment(VERSION_KEY);
            recent.revokeBefore(version, user.toString(), epochSecond, until);
            broadcasts.publish(CHANNEL, version + " tva " + user + " " + epochSecond + " " + until.toEpochMilli());
        }
    }

    /** A revocation another instance broadcast: {@code <version> sid <session> <until>} or {@code ... tva <user> <epoch s> <until>}. */
    private void apply(String message) {
        String[] parts = message.split(" ");
        try {
            long version = Long.parseLong(parts[0]);
            if (parts[1].equals("sid") && parts.length == 4) {
                recent.endSession(version, parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])));
                return;
            }
            if (parts[1].equals("tva") && parts.length == 5) {
                recent.revokeBefore(version, parts[2], Long.parseLong(parts[3]),
                        Instant.ofEpochMilli(Long.parseLong(parts[4])));
                return;
            }
        } catch (RuntimeException e) {
            // Falls through: an unreadable message is a missed one, and the next poll rebuilds.
        }
        log.warn("Ignored an unreadable revocation broadcast");
    }

    private void poll() {
        try {
            Map<String, String> entries = store.getAll(List.of(VERSION_KEY, LOADED_KEY));
            if (!entries.containsKey(LOADED_KEY)) {
                reloadThenRead(List.of(LOADED_KEY));
            }
            long version = Long.parseLong(entries.getOrDefault(VERSION_KEY, "0"));
            switch (recent.observe(version)) {
                case CURRENT -> trustedUntil = System.nanoTime() + trustNanos;
                case CATCHING_UP -> { }
                case MISSED -> rebuild();
            }
            Instant now = clock.instant();
            if (now.isAfter(lastForgotten.plus(FORGET_EVERY))) {
                recent.forgetExpired(now);
                lastForgotten = now;
            }
        } catch (DependencyUnavailableException | DataAccessException e) {
            // The copy stops being trusted when trustedUntil passes; checks then ask the store, and fail closed.
            log.debug("Revocation poll failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Revocation poll failed", e);
        }
    }

    /** Makes the in-memory copy whole from the system of record, as of the shared version read first. */
    private void rebuild() {
        try {
            long version = Long.parseLong(store.get(VERSION_KEY).orElse("0"));
            Instant now = clock.instant();
            Instant sessionsUntil = now.plus(sessionTtl);
            Map<String, Instant> sessions = new HashMap<>();
            queries.sessionsRevokedSince(now.minus(sessionTtl)).forEach(id -> sessions.put(id.toString(), sessionsUntil));
            Map<String, Long> accounts = new HashMap<>();
            queries.accountsRevokedSince(now.minus(validAfterTtl)).forEach(account -> accounts.put(
                    account.accountId().toString(), account.tokensValidAfter().getEpochSecond()));
            recent.rebuild(version, sessions, accounts, now.plus(validAfterTtl));
            trustedUntil = System.nanoTime() + trustNanos;
        } catch (DependencyUnavailableException | DataAccessException e) {
            log.debug("Rebuilding the revocations in memory failed, retried at the next poll: {}", e.getMessage());
        }
    }

    private Map<String, String> reloadThenRead(List<String> keys) {
        reloading.lock();
        try {
            Map<String, String> entries = store.getAll(keys);
            if (!entries.containsKey(LOADED_KEY)) {
                reload();
                entries = store.getAll(keys);
            }
            return entries;
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Puts back every revocation that can still matter, from the database. Entries already in the store are kept:
     * they were written by revocations since the loss and are at least as recent. The marker goes last, so that a
     * check never sees it before the entries.
     */
    private void reload() {
        Instant now = clock.instant();
        Map<String, String> entries = new HashMap<>();
        queries.accountsRevokedSince(now.minus(validAfterTtl)).forEach(account -> entries.put(
                validAfterKey(account.accountId().toString()),
                Long.toString(account.tokensValidAfter().getEpochSecond())));
        queries.sessionsRevokedSince(now.minus(sessionTtl)).forEach(id -> entries.put(sessionKey(id.toString()), "1"));
        store.putAllIfAbsent(entries, sessionTtl);
        store.put(LOADED_KEY, now.toString(), loadedTtl);
        log.info("Reloaded {} token revocations from the database into the shared store", entries.size());
    }

    @Override
    public void destroy() {
        sync.shutdownNow();
    }

    private static String sessionKey(String sessionId) {
        return SharedRevocations.endedSession(sessionId);
    }

    private static String validAfterKey(String userId) {
        return SharedRevocations.validAfter(userId);
    }
}
