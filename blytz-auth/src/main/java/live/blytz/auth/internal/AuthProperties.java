package live.blytz.auth.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The auth module's settings ({@code blytz.auth.*}), validated at start-up.
 *
 * @param issuer the {@code iss} of the access tokens, checked on every request
 * @param audience the {@code aud} of the access tokens, checked on every request
 * @param accessTokenLifetime how long an access token is valid (15 minutes)
 * @param clockSkew how much clock difference {@code exp}/{@code nbf} checks forgive
 * @param signingKey the private EC P-256 key (PEM or JWK) that signs tokens; unset: generated and stored
 * @param keyRefresh how often an instance re-reads the signing keys other instances may have rotated
 */
@Validated
@ConfigurationProperties("blytz.auth")
public record AuthProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("blytz") String audience,
        @NotNull @DefaultValue("15m") Duration accessTokenLifetime,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @Nullable String signingKey,
        @NotNull @DefaultValue("1m") Duration keyRefresh,
        @Valid @NotNull @DefaultValue Sessions sessions,
        @Valid @NotNull @DefaultValue Passwords password,
        @Valid @NotNull @DefaultValue Hashing hashing,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Throttle throttle,
        @Valid @NotNull @DefaultValue Mail mail) {

    /** Refresh-token families: idle expiry (no refresh for this long ends it) and absolute expiry. */
    public record Sessions(@NotNull @DefaultValue("7d") Duration idleTimeout,
            @NotNull @DefaultValue("30d") Duration absoluteLifetime) {
    }

    /** Password policy (NIST SP 800-63B) and bcrypt cost (each +1 doubles the time per hash). */
    public record Passwords(@Min(8) @Max(64) @DefaultValue("8") int minLength,
            @Min(64) @Max(1024) @DefaultValue("128") int maxLength,
            @Min(4) @Max(31) @DefaultValue("12") int bcryptCost) {
    }

    /**
     * The bounded pool that runs bcrypt: {@code threads} workers (0 = one per CPU) and at most
     * {@code queueCapacity} waiting jobs; beyond that a request is refused at once (429), never queued unbounded.
     */
    public record Hashing(@Min(0) @DefaultValue("0") int threads, @Positive @DefaultValue("32") int queueCapacity) {
    }

    /** The first administrator, created at start-up when no account has this e-mail address. */
    public record Admin(@Nullable @Email String email, @Nullable String password) {
    }

    /**
     * Login throttling. After {@code freeFailures} failed logins within {@code window} for one key, every further
     * failure doubles a wait starting at {@code baseDelay}, capped at {@code maxDelay}: slow for guessing,
     * never a permanent lockout. {@code account} keys on the e-mail address together with the client address
     * (strict: it cannot touch the owner at another address), {@code ip} on the client address, and
     * {@code accountWide} on the e-mail address alone (generous and short, against guessing from many addresses).
     */
    public record Throttle(@Valid @NotNull @DefaultValue AccountRule account, @Valid @NotNull @DefaultValue IpRule ip,
            @Valid @NotNull @DefaultValue AccountWideRule accountWide) {

        public record AccountRule(@Positive @DefaultValue("5") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("5m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        public record IpRule(@Positive @DefaultValue("30") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("15m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        public record AccountWideRule(@Positive @DefaultValue("50") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("1m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        /** One throttle's settings, whichever key it counts. */
        public record Rule(int freeFailures, Duration baseDelay, Duration maxDelay, Duration window) {
        }
    }

    /**
     * Mail for password reset and e-mail verification: {@code from} address, {@code linkBaseUrl} of the web client
     * that receives the token, and how long a mailed token is valid.
     */
    public record Mail(@NotBlank @DefaultValue("Blytz <no-reply@blytz.live>") String from,
            @NotBlank @DefaultValue("http://localhost:8080") String linkBaseUrl,
            @NotNull @DefaultValue("30m") Duration tokenLifetime) {
    }
}
