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
 * @param keyRefresh auth's setting of that name: how long an auth instance may serve a JWK Set without a key another
 *        instance has just rotated in
 * @param keyActivationDelay auth's setting of that name: how long a rotated-in key is published before it signs; it
 *        must be longer than {@code keyRefresh} plus the {@code jwks.minRefreshInterval} and {@code jwks.timeout}
 *        here, which the start-up checks (ADR 0033)
 * @param jwkSetUri auth's {@code /.well-known/jwks.json}, e.g. {@code http://auth:8080/.well-known/jwks.json}
 * @param jwks how the JWK Set is fetched and kept
 */
public record JwksVerificationProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("blytz") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("1m") Duration keyRefresh,
        @DefaultValue("2m") Duration keyActivationDelay,
        @Nullable URI jwkSetUri,
        @DefaultValue Jwks jwks) {

    /**
     * The JWK Set is kept for {@code cacheFor} (auth serves it as cacheable for five minutes) and fetched again at
     * once when a token names an unknown {@code kid} (a key auth has just rotated in), but at most once per
     * {@code minRefreshInterval} (Nimbus' rate limit lets two fetches through per interval), so that tokens with
     * made-up key ids cannot make every request a fetch. A fetch gives up after {@code timeout}; while auth cannot be
     * reached, the last set it served is used for at most {@code outageTolerance} after it was fetched (and then
     * cached for up to {@code cacheFor} more): a key auth has retired meanwhile is not trusted forever. When auth's
     * revocations are being reloaded into Redis (the {@link SharedRevocations#LOADED} marker is missing), a request
     * waits up to {@code revocationsReloadWait} for them before it is answered 503.
     */
    public record Jwks(@DefaultValue("5m") Duration cacheFor,
            @DefaultValue("30s") Duration minRefreshInterval,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("15m") Duration outageTolerance,
            @DefaultValue("1s") Duration revocationsReloadWait) {
    }
}
