package live.blytz.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revocation as a process without auth's database sees it: the {@link SharedRevocations} entries in the shared Redis,
 * read on every request (one round trip for the session, the account and the completeness marker). Fails closed: with
 * Redis down, or auth's revocations not reloaded in time, the token is neither accepted nor declared invalid (an
 * {@link AuthenticationServiceException}: 503, the client retries).
 */
final class StoredRevocationCheck implements OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(StoredRevocationCheck.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The access token was revoked", null);
    private static final Duration RECHECK_EVERY = Duration.ofMillis(50);

    private final ExpiringStore store;
    private final Duration reloadWait;

    StoredRevocationCheck(ExpiringStore store, Duration reloadWait) {
        this.store = store;
        this.reloadWait = reloadWait;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String sessionId = token.getClaimAsString(AccessTokenRules.SESSION_CLAIM);
        if (token.getSubject() == null || token.getIssuedAt() == null || sessionId == null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        String sessionKey = SharedRevocations.endedSession(sessionId);
        String validAfterKey = SharedRevocations.validAfter(token.getSubject());
        Map<String, String> entries = read(List.of(sessionKey, validAfterKey, SharedRevocations.LOADED));
        String validAfter = entries.get(validAfterKey);
        boolean revoked = entries.containsKey(sessionKey)
                || validAfter != null && token.getIssuedAt().getEpochSecond() < Long.parseLong(validAfter);
        return revoked ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
    }

    private Map<String, String> read(List<String> keys) {
        try {
            long deadline = System.nanoTime() + reloadWait.toNanos();
            Map<String, String> entries = store.getAll(keys);
            // Auth puts the entries back from its database and then the marker, within its poll interval.
            while (!entries.containsKey(SharedRevocations.LOADED) && System.nanoTime() - deadline < 0) {
                Thread.sleep(RECHECK_EVERY);
                entries = store.getAll(keys);
            }
            if (!entries.containsKey(SharedRevocations.LOADED)) {
                log.warn("Cannot check an access token: auth has not reloaded the revocations into the shared store");
                throw new AuthenticationServiceException("The access token cannot be checked right now");
            }
            return entries;
        } catch (DependencyUnavailableException | DataAccessException e) {
            log.warn("Cannot check an access token: the revocation state is unavailable ({})", e.getMessage());
            throw new AuthenticationServiceException("The access token cannot be checked right now", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("The access token cannot be checked right now", e);
        }
    }
}
