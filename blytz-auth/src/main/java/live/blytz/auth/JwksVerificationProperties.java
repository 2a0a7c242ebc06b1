package live.blytz.auth;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a process that does not run auth verifies its access tokens ({@code blytz.auth.*}, ADR 0033): the same
 * {@code issuer}, {@code audience} and {@code clock-skew} settings (and environment variables) as auth's own, and
 * where auth's JWK Set is. Bound by {@link JwksTokenVerification} itself, not as {@code @ConfigurationProperties}: a
 * scan of the application's packages would bind (and require) them in every process, auth's included.
 *
 * @param issuer the {@code iss} the tokens must name
 * @param audience the {@code aud} the tokens must name
 * @param clockSkew how much clock difference {@code exp}/{@code nbf} checks forgive
 * @param jwkSetUri auth's {@code /.well-known/jwks.json}, e.g. {@code http://auth:8080/.well-known/jwks.json}
 * @param jwks how the JWK Set is fetched and kept
 */
public record JwksVerificationProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("blytz") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @Nullable URI jwkSetUri,
        @DefaultValue Jwks jwks) {

    /**
     * The JWK Set is kept for {@code cacheFor} (auth serves it as cacheable for five minutes) and fetched again at
     * once when a token names an unknown {@code kid} (a key auth has just rotated in), but at most once per
     * {@code minRefreshInterval}, so that tokens with made-up key ids cannot make every request a fetch. A fetch
     * gives up after {@code timeout}; while auth cannot be reached the last set it served is used. When auth's
     * revocations are being reloaded into Redis (the {@link SharedRevocations#LOADED} marker is missing), a request
     * waits up to {@code revocationsReloadWait} for them before it is answered 503.
     */
    public record Jwks(@DefaultValue("5m") Duration cacheFor,
            @DefaultValue("30s") Duration minRefreshInterval,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("1s") Duration revocationsReloadWait) {
    }
}
