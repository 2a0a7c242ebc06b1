package live.blytz.auth.internal.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import live.blytz.auth.AccessTokenRules;
import live.blytz.auth.internal.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The {@link JwtDecoder} the application's resource server uses where auth runs: signature over the keys in the JWKS
 * (a known {@code kid}) and {@link AccessTokenRules}, the same rules a service that verifies with the JWKS over HTTP
 * applies: once per token ({@link VerifiedTokenCache}); and revocation, on every request.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenVerification {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenRevocations revocations, AuthProperties properties, Clock clock) {
        JWKSource<SecurityContext> verificationKeys = (selector, context) -> {
            List<JWK> found = selector.select(keys.verificationKeys());
            // An unknown kid may be a key another instance has just rotated in.
            return found.isEmpty() ? selector.select(keys.verificationKeysAfterUnknownKid()) : found;
        };
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(verificationKeys)
                .jwsAlgorithm(AccessTokenRules.ALGORITHM)
                .jwtProcessorCustomizer(AccessTokenRules.headerRules())
                .build();
        decoder.setJwtValidator(
                AccessTokenRules.claimRules(properties.issuer(), properties.audience(), properties.clockSkew()));
        return new VerifiedTokenCache(decoder, revocations, clock, properties.verifiedTokens());
    }
}
