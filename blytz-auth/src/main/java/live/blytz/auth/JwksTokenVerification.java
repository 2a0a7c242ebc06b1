package live.blytz.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
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
        JwksVerificationProperties.Jwks jwks = properties.jwks();
        int timeout = Math.toIntExact(jwks.timeout().toMillis());
        // Nimbus' source: cached, fetched again on an unknown kid (rate limited), the last set kept through an outage.
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .<SecurityContext>create(jwkSetUri.toURL(),
                        new DefaultResourceRetriever(timeout, timeout, MAX_JWK_SET_BYTES))
                .cache(jwks.cacheFor().toMillis(), jwks.timeout().toMillis())
                .rateLimited(jwks.minRefreshInterval().toMillis())
                .outageTolerantForever()
                .build();
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSource(keys)
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
}
