package live.blytz.auth.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import live.blytz.auth.internal.Secrets;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies an access token's signature and claims once in its life (ADR 0027): the verified {@link Jwt} is kept,
 * keyed by the SHA-256 of the token (never the token itself), until the token's {@code exp}. What can change while a
 * token lives is checked on every request: revocation, by the {@code revocations} validator.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> revocations;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> revocations, Clock clock, int size) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry(clock)).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = Secrets.hash(token);
        Jwt jwt = verified.getIfPresent(key);
        // The cache expires entries on its own schedule; the token's own expiry is the rule.
        if (jwt == null || !clock.instant().isBefore(jwt.getExpiresAt())) {
            jwt = verifier.decode(token);
            verified.put(key, jwt);
        }
        OAuth2TokenValidatorResult result = revocations.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    /** An entry lives until its token expires (tokens without {@code exp} never pass the verifier). */
    private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            return expiresAt == null ? 0 : Math.max(0, Duration.between(clock.instant(), expiresAt).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
