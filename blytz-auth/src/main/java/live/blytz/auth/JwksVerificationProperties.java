package live.blytz.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a process that does not run auth verifies its access tokens ({@code blytz.auth.*}, ADR 0033): the same
 * {@code issuer}, {@code audience} and {@code clock-skew} settings (and environment variables) as auth's own, and
 * where auth's JWK Set is.
 *
 * @param issuer the {@code iss} the tokens must name
 * @param audience the {@code aud} the tokens must name
 * @param clockSkew how much clock difference {@code exp}/{@code nbf} checks forgive
 * @param jwkSetUri auth's {@code /.well-known/jwks.json}, e.g. {@code http://auth:8080/.well-known/jwks.json}
 * @param jwks how the JWK Set is fetched and kept
 */
@Validated
@ConfigurationProperties("blytz.auth")
public record JwksVerificationProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("blytz") String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @NotNull URI jwkSetUri,
        @Valid @NotNull @DefaultValue Jwks jwks) {

    /**
     * The JWK Set is kept for {@code cacheFor} (auth serves it as cacheable for five minutes) and fetched again at
     * once when a token names an unknown {@code kid} (a key auth has just rotated in), but at most once per
     * {@code minRefreshInterval}, so that tokens with made-up key ids cannot make every request a fetch. A fetch
     * gives up after {@code timeout}; while auth cannot be reached the last set it served is used. When auth's
     * revocations are being reloaded into Redis (the {@link SharedRevocations#LOADED} marker is missing), a request
     * waits up to {@code revocationsReloadWait} for them before it is answered 503.
     */
    public record Jwks(@NotNull @DefaultValue("5m") Duration cacheFor,
            @NotNull @DefaultValue("30s") Duration minRefreshInterval,
            @NotNull @DefaultValue("2s") Duration timeout,
            @NotNull @DefaultValue("1s") Duration revocationsReloadWait) {
    }
}
