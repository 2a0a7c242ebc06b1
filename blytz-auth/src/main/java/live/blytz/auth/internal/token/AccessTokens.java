package live.blytz.auth.internal.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.auth.AccessTokenRules;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens (RFC 9068 style): ES256, header {@code kid} and {@code typ: at+jwt}; claims {@code iss,
 * sub} (the user id), {@code aud, exp, iat, nbf, jti, roles} and {@code sid} (the session: ending it voids the token).
 */
@Component
public class AccessTokens {

    static final String TYPE = AccessTokenRules.TYPE;
    static final String SESSION_CLAIM = AccessTokenRules.SESSION_CLAIM;

    /** An encoder that can only sign with {@code key}, so it can never pick another (e.g. a retired) key. */
    private record Signer(ECKey key, NimbusJwtEncoder encoder) {

        Signer(ECKey key) {
            this(key, new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key))));
        }
    }

    private final SigningKeys keys;
    private volatile Signer signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.signer = new Signer(keys.signingKey());
        this.issuer = properties.issuer();
        this.audience = properties.audience();
        this.lifetime = properties.accessTokenLifetime();
        this.clock = clock;
    }

    /**
     * A signed access token for the user with {@code role}, in the session {@code sessionId}; dated no earlier than
     * the account's {@code tokensValidAfter}, which voids every token issued before it.
     */
    public String issue(UserId user, Role role, Instant tokensValidAfter, UUID sessionId) {
        // The key is read once: the header's kid and the signature must come from the same key, even if another
        // instance rotates between two reads.
        Signer signer = signerFor(keys.signingKey());
        Instant issuedAt = TokenTimes.issuedAt(clock.instant(), tokensValidAfter);
        Instant expiresAt = issuedAt.plus(lifetime);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256)
                .keyId(signer.key().getKeyID())
                .type(TYPE)
                .build();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.toString())
                .audience(List.of(audience))
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(expiresAt)
                .id(Ids.newId().toString())
                .claim("roles", List.of(role.code()))
                .claim(SESSION_CLAIM, sessionId.toString())
                .build();
        return signer.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private Signer signerFor(ECKey key) {
        Signer current = signer;
        if (!current.key().equals(key)) {
            current = new Signer(key);
            signer = current;
        }
        return current;
    }
}
