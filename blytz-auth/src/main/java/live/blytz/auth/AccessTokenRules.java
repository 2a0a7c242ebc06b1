package live.blytz.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What makes a Blytz access token acceptable, for auth's own verification and for every service that verifies the
 * tokens with auth's JWKS (ADR 0033): one definition, so that both accept exactly the same tokens. ES256 only (so
 * {@code alg: none} and HS256 signed with the public key fail), {@code typ: at+jwt} in the header and the claims (so
 * no other kind of JWT passes as an access token), {@code iss}, {@code aud}, {@code exp}/{@code nbf} with a small
 * skew, and the claims every token has ({@code sid} included). Revocation is checked apart, on every request.
 */
public final class AccessTokenRules {

    /** The only signature algorithm of access tokens. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.ES256;
    /** The {@code typ} header (RFC 9068) of access tokens. */
    public static final String TYPE = "at+jwt";
    /** The claim that names the session (refresh-token family) a token belongs to. */
    public static final String SESSION_CLAIM = "sid";

    private AccessTokenRules() {
    }

    /** The header check: the JOSE processor accepts only {@code typ: at+jwt}. */
    public static Consumer<ConfigurableJWTProcessor<SecurityContext>> headerRules() {
        return processor -> processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE)));
    }

    /** The claim checks, given the issuer and audience tokens must name and the clock skew to forgive. */
    public static OAuth2TokenValidator<Jwt> claimRules(String issuer, String audience, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setAllowEmptyNotBeforeClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtTypeValidator(TYPE),
                new JwtClaimValidator<>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.JTI, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.IAT, Objects::nonNull),
                new JwtClaimValidator<>(SESSION_CLAIM, Objects::nonNull)));
    }
}
