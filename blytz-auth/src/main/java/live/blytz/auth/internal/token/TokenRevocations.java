package live.blytz.auth.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Immediate revocation of access tokens without a database query per request, through the shared store:
 * <ul>
 * <li>{@code auth:deny:sid:<session id>} — an ended session (logout, ended by the user, refresh-token reuse, a lost
 * refresh race, the session limit): every access token of that session is void, whichever refresh issued it;</li>
 * <li>{@code auth:tva:<user id>} — the account's {@code tokens_valid_after} in epoch seconds: every token of
 * that user issued before it is void (password change or reset, suspension, role change, logout-all);</li>
 * <li>{@code auth:revocations:loaded} — the marker that the two kinds above are complete.</li>
 * </ul>
 * Entries live as long as a token they void could still be accepted: its lifetime <em>plus the clock skew</em> the
 * {@code JwtDecoder}'s timestamp validator forgives ({@code blytz.auth.clock-skew}).
 * <p>
 * Redis holds a cache of PostgreSQL, the system of record (sessions' {@code revoked_at}, accounts'
 * {@code tokens_valid_after}). Every check reads its two keys and the marker in one round trip; when the marker is
 * missing — Redis was flushed, failed over to an empty replica, or evicted it, and it also expires after one token
 * lifetime, bounding the effect of an evicted entry — the recent revocations are reloaded from the database (once
 * per instance at a time; other requests wait) before the token is judged.
 * <p>
 * If the store is down the token is not accepted (fail closed, ADR 0006/0009: a revoked token must never work again
 * because Redis is unreachable), but not declared invalid either: an {@link AuthenticationServiceException} makes the
 * request a 503, so clients retry rather than throw a valid token away.
 */
@Component
public class TokenRevocations implements OAuth2TokenValidator<Jwt> {

    static final String LOADED_KEY = "auth:revocations:loaded";
    /** A refresh that raced a session's revocation may issue its token a moment after the revocation is stored. */
    private static final Duration REFRESH_RACE_MARGIN = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was revoked", null);

    private final ExpiringStore store;
    private final RevocationQueries queries;
    private final Duration validAfterTtl;
    private final Duration sessionTtl;
    private final Duration loadedTtl;
    private final ReentrantLock reloading = new ReentrantLock();
    private final Clock clock;

    TokenRevocations(ExpiringStore store, RevocationQueries queries, AuthProperties properties, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.clock = clock;
        this.validAfterTtl = properties.accessTokenLifetime().plus(properties.clockSkew());
        this.sessionTtl = validAfterTtl.plus(REFRESH_RACE_MARGIN);
        this.loadedTtl = properties.accessTokenLifetime();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String sessionId = token.getClaimAsString(AccessTokens.SESSION_CLAIM);
        if (token.getSubject() == null || token.getIssuedAt() == null || sessionId == null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        List<String> keys = List.of(sessionKey(sessionId), validAfterKey(token.getSubject()), LOADED_KEY);
        try {
            Map<String, String> entries = store.getAll(keys);
            if (!entries.containsKey(LOADED_KEY)) {
                entries = reloadThenRead(keys);
            }
            return revoked(token, entries.containsKey(keys.get(0)), entries.get(keys.get(1)))
                    ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
        } catch (DependencyUnavailableException | DataAccessException e) {
            log.warn("Cannot check an access token: the revocation state is unavailable ({})", e.getMessage());
            throw new AuthenticationServiceException("The access token cannot be checked right now", e);
        }
    }

    private static boolean revoked(Jwt token, boolean sessionEnded, @Nullable String validAfter) {
        return sessionEnded
                || validAfter != null && token.getIssuedAt().getEpochSecond() < Long.parseLong(validAfter);
    }

    /** Voids every access token of the session, including one a concurrent refresh is issuing right now. */
    public void denySession(UUID sessionId) {
        store.put(sessionKey(sessionId.toString()), "1", sessionTtl);
    }

    /** Publishes the account's {@code tokens_valid_after}: every older token of the user stops working. */
    public void revokeBefore(UserId user, Instant tokensValidAfter) {
        Duration ttl = Duration.between(clock.instant(), tokensValidAfter.plus(validAfterTtl));
        if (!ttl.isNegative() && !ttl.isZero()) {
            store.put(validAfterKey(user.toString()), Long.toString(tokensValidAfter.getEpochSecond()), ttl);
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

    private static String sessionKey(String sessionId) {
        return "auth:deny:sid:" + sessionId;
    }

    private static String validAfterKey(String userId) {
        return "auth:tva:" + userId;
    }
}
