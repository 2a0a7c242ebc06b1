package live.blytz.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 * <li>{@code auth:deny:<jti>} — one token (logout), kept until that token would expire anyway;</li>
 * <li>{@code auth:tva:<user id>} — the account's {@code tokens_valid_after} in epoch seconds: every token of
 * that user issued before it is void (password change or reset, suspension, role change, logout-all), kept for
 * one token lifetime, after which no older token is valid anyway.</li>
 * </ul>
 * One read of the store per request (both keys in one round trip). If the store is down the token is not accepted (fail closed, ADR
 * 0006/0009: a revoked token must never work again because Redis is unreachable), but not declared invalid
 * either: an {@link AuthenticationServiceException} makes the request a 503, so clients retry rather than throw
 * a valid token away.
 */
@Component
class TokenRevocations implements OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was revoked", null);

    private final ExpiringStore store;
    private final AccountRepository accounts;
    private final Duration tokenLifetime;
    private final Clock clock = Clock.systemUTC();

    TokenRevocations(ExpiringStore store, AccountRepository accounts, AuthProperties properties) {
        this.store = store;
        this.accounts = accounts;
        this.tokenLifetime = properties.accessTokenLifetime().plus(properties.clockSkew());
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        try {
            if (token.getId() == null || token.getSubject() == null || token.getIssuedAt() == null) {
                return OAuth2TokenValidatorResult.failure(REVOKED);
            }
            String denyKey = denyKey(token.getId());
            String validAfterKey = validAfterKey(token.getSubject());
            Map<String, String> revocations = store.getAll(List.of(denyKey, validAfterKey));
            if (revocations.containsKey(denyKey)) {
                return OAuth2TokenValidatorResult.failure(REVOKED);
            }
            String validAfter = revocations.get(validAfterKey);
            if (validAfter != null && token.getIssuedAt().getEpochSecond() < Long.parseLong(validAfter)) {
                return OAuth2TokenValidatorResult.failure(REVOKED);
            }
            return OAuth2TokenValidatorResult.success();
        } catch (DependencyUnavailableException e) {
            log.warn("Cannot check an access token: the revocation store is unavailable");
            throw new AuthenticationServiceException("The access token cannot be checked right now", e);
        }
    }

    /** Puts one access token on the deny-list until it expires. */
    void deny(String jti, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt).plusSeconds(1);
        if (!ttl.isNegative() && !ttl.isZero()) {
            store.put(denyKey(jti), "1", ttl);
        }
    }

    /** Publishes the account's {@code tokens_valid_after}: every older token of the user stops working. */
    void revokeBefore(UserId user, Instant tokensValidAfter) {
        Duration ttl = Duration.between(clock.instant(), tokensValidAfter.plus(tokenLifetime));
        if (!ttl.isNegative() && !ttl.isZero()) {
            store.put(validAfterKey(user.toString()), Long.toString(tokensValidAfter.getEpochSecond()), ttl);
        }
    }

    /** After a Redis restart or flush, restores the recent revocations from the database (the system of record). */
    @EventListener(ApplicationReadyEvent.class)
    void restoreRecentRevocations() {
        try {
            accounts.findWithTokensRevokedSince(clock.instant().minus(tokenLifetime))
                    .forEach(account -> revokeBefore(account.id(), account.tokensValidAfter()));
        } catch (DependencyUnavailableException e) {
            log.warn("Could not restore token revocations into the shared store: {}", e.getMessage());
        }
    }

    private static String denyKey(String jti) {
        return "auth:deny:" + jti;
    }

    private static String validAfterKey(String userId) {
        return "auth:tva:" + userId;
    }
}
