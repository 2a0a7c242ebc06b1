package live.blytz.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import live.blytz.sharedkernel.store.ExpiringStore;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The {@link JwtDecoder} of a process that does not run auth (the marketplace of the split topology, ADR 0033): it
 * verifies auth's access tokens with the public keys auth serves at {@code blytz.auth.jwk-set-uri} (no signing key is
 * shared), with the same {@link AccessTokenRules} as auth's own verification, and refuses revoked tokens at once
 * through the {@link SharedRevocations} contract. Not a component: a launcher that leaves auth out imports it.
 */
public class JwksTokenVerification {

    private static final int MAX_JWK_SET_BYTES = 64 * 1024;

    @Bean
    JwtDecoder jwtDecoder(Environment environment, ExpiringStore store) throws MalformedURLException {
        JwksVerificationProperties properties = Binder.get(environment)
                .bindOrCreate("blytz.auth", JwksVerificationProperties.class);
        URI jwkSetUri = properties.jwkSetUri();
        if (jwkSetUri == null || !jwkSetUri.isAbsolute()) {
            throw new IllegalStateException("blytz.auth.jwk-set-uri (BLYTZ_AUTH_JWK_SET_URI) must be the URL of auth's "
                    + "JWK Set, e.g. http://auth:8080/.well-known/jwks.json, not '" + jwkSetUri + "'");
        }
        checkKeyActivationDelay(properties);
        JwksVerificationProperties.Jwks jwks = properties.jwks();
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSource(keySource(jwkSetUri, jwks))
                .jwsAlgorithm(AccessTokenRules.ALGORITHM)
                .jwtProcessorCustomizer(AccessTokenRules.headerRules())
                .build();
        verifier.setJwtValidator(
                AccessTokenRules.claimRules(properties.issuer(), properties.audience(), properties.clockSkew()));
        OAuth2TokenValidator<Jwt> revocations = new StoredRevocationCheck(store, jwks.revocationsReloadWait());
        // Revocation only for a token that passed the rest: a forged one costs no Redis read.
        return token -> {
            Jwt jwt = verifier.decode(token);
            OAuth2TokenValidatorResult result = revocations.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                        result.getErrors());
            }
            return jwt;
        };
    }

    /**
     * Nimbus' source of auth's keys: cached, fetched again on an unknown kid (rate limited), the last set kept through
     * an outage of auth for a bounded time.
     */
    static JWKSource<SecurityContext> keySource(URI jwkSetUri, JwksVerificationProperties.Jwks jwks)
            throws MalformedURLException {
        int timeout = Math.toIntExact(jwks.timeout().toMillis());
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .<SecurityContext>create(jwkSetUri.toURL(),
                        new DefaultResourceRetriever(timeout, timeout, MAX_JWK_SET_BYTES))
                .cache(jwks.cacheFor().toMillis(), jwks.timeout().toMillis())
                // Fetched again in the background in the cache time's last tenth (30 s of 5 min: Nimbus' default).
                .refreshAheadCache(jwks.cacheFor().toMillis() / 10, false)
                .rateLimited(jwks.minRefreshInterval().toMillis())
                .outageTolerant(jwks.outageTolerance().toMillis())
                .build();
        return (selector, context) -> {
            try {
                return keys.get(selector, context);
            } catch (RateLimitReachedException e) {
                // A key id that is not in a set fetched within min-refresh-interval: an unknown key (401), not an
                // outage of auth (503).
                return List.of();
            }
        };
    }

    /**
     * Auth signs with a rotated-in key only {@code key-activation-delay} after it published it (ADR 0033). Within that
     * time every set this process may hold must have been fetched again: an auth instance serves a set without the new
     * key for up to {@code key-refresh}, and a token naming an unknown key fetches the set again unless the last
     * fetch was less than {@code min-refresh-interval} (plus its {@code timeout}) ago.
     */
    static void checkKeyActivationDelay(JwksVerificationProperties properties) {
        JwksVerificationProperties.Jwks jwks = properties.jwks();
        Duration stale = properties.keyRefresh().plus(jwks.minRefreshInterval()).plus(jwks.timeout());
        if (properties.keyActivationDelay().compareTo(stale) <= 0) {
            throw new IllegalStateException("blytz.auth.key-activation-delay (" + properties.keyActivationDelay()
                    + ") must be longer than blytz.auth.key-refresh + blytz.auth.jwks.min-refresh-interval + "
                    + "blytz.auth.jwks.timeout (" + stale + "): else a token of a key auth has just started signing "
                    + "with can be refused here until the JWK Set is fetched again");
        }
    }
}
