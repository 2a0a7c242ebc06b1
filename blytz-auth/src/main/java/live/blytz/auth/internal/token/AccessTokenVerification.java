package live.blytz.auth.internal.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import live.blytz.auth.internal.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The {@link JwtDecoder} the application's resource server uses: signature over the keys in the JWKS, ES256
 * only (so {@code alg: none} and HS256 signed with the public key fail), a known {@code kid}, {@code typ:
 * at+jwt} (so no other kind of JWT passes as an access token), {@code iss}, {@code aud}, {@code exp}/{@code nbf}
 * with a small skew, the claims every token has ({@code sid} included): once per token ({@link VerifiedTokenCache});
 * and revocation, on every request.
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
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(AccessTokens.TYPE))))
                .build();
        decoder.setJwtValidator(validator(properties));
        return new VerifiedTokenCache(decoder, revocations, clock, properties.verifiedTokens());
    }

    private static OAuth2TokenValidator<Jwt> validator(AuthProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setAllowEmptyNotBeforeClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtTypeValidator(AccessTokens.TYPE),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.JTI, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.IAT, Objects::nonNull),
                new JwtClaimValidator<>(AccessTokens.SESSION_CLAIM, Objects::nonNull)));
    }
}
