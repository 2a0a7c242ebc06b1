package live.blytz.auth.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The auth module's settings ({@code blytz.auth.*}), validated at start-up.
 *
 * @param issuer the {@code iss} of the access tokens, checked on every request
 * @param audience the {@code aud} of the access tokens, checked on every request
 * @param accessTokenLifetime how long an access token is valid (15 minutes)
 * @param clockSkew how much clock difference {@code exp}/{@code nbf} checks forgive
 * @param signingKey the private EC P-256 key (PEM or JWK) that signs tokens; unset: generated and stored
 * @param nextSigningKey with {@code signingKey}: the key that replaces it, published at the first start that sees it
 *        and signing {@code keyActivationDelay} later (ADR 0033); then it can become the {@code signingKey}
 * @param keyRefresh how often an instance re-reads the signing keys other instances may have rotated
 * @param keyActivationDelay how long a rotated-in key is published in the JWKS before it signs: longer than what a
 *        verifier in another process may cache without it (ADR 0033)
 * @param verifiedTokens how many verified access tokens an instance remembers, so that it checks a token's signature
 *        once in its life rather than on every request (ADR 0027)
 * @param revocations how each instance keeps its in-memory copy of the revocations current (ADR 0027)
 * @param deviceTokens the signed tokens that exempt a known device from the account-wide login throttle (ADR 0016)
 * @param purge the scheduled deletion of ended sessions and spent or expired tokens
 * @param demo the demo accounts of the {@code demo} profile
 */
@Validated
@ConfigurationProperties("blytz.auth")
public record AuthProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("blytz") String audience,
        @NotNull @DefaultValue("15m") Duration accessTokenLifetime,
        @NotNull @DefaultValue("30s") Duration clockSkew,
        @Nullable String signingKey,
        @Nullable String nextSigningKey,
        @NotNull @DefaultValue("1m") Duration keyRefresh,
        @NotNull @DefaultValue("2m") Duration keyActivationDelay,
        @Positive @DefaultValue("10000") int verifiedTokens,
        @Valid @NotNull @DefaultValue Sessions sessions,
        @Valid @NotNull @DefaultValue Passwords password,
        @Valid @NotNull @DefaultValue Hashing hashing,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Throttle throttle,
        @Valid @NotNull @DefaultValue Mail mail,
        @Valid @NotNull @DefaultValue Revocations revocations,
        @Valid @NotNull @DefaultValue DeviceTokens deviceTokens,
        @Valid @NotNull @DefaultValue Purge purge,
        @Valid @NotNull @DefaultValue Demo demo) {

    /**
     * A server-side secret of at least 32 characters, or blank outside production, where a fixed development value
     * stands in (the {@code prod} profile refuses a blank one through {@code blytz.prod.required-settings}).
     */
    static final String SECRET_PATTERN = "|[\\s\\S]{32,}";
    static final String SECRET_MESSAGE = "must be at least 32 characters";

    /**
     * Refresh-token families: idle expiry (no refresh for this long ends it), absolute expiry, and how many sessions
     * one account may hold at once (opening one more ends the least recently used).
     */
    public record Sessions(@NotNull @DefaultValue("7d") Duration idleTimeout,
            @NotNull @DefaultValue("30d") Duration absoluteLifetime,
            @Min(1) @Max(1000) @DefaultValue("20") int maxPerAccount) {
    }

    /**
     * Password policy (NIST SP 800-63B), bcrypt cost (each +1 doubles the time per hash; below 10 is refused in
     * every profile) and the pepper: the key of the HMAC-SHA256 pre-hash, kept out of the database.
     */
    public record Passwords(@Min(8) @Max(64) @DefaultValue("8") int minLength,
            @Min(64) @Max(1024) @DefaultValue("128") int maxLength,
            @Min(10) @Max(31) @DefaultValue("12") int bcryptCost,
            @Nullable @Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String pepper) {

        private static final String DEVELOPMENT_PEPPER = "blytz development pepper, never used in production";

        /** The configured pepper, or the development one when none is configured (never in prod). */
        public byte[] pepperKey() {
            return (StringUtils.hasText(pepper) ? pepper : DEVELOPMENT_PEPPER).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Passwords[minLength=" + minLength + ", maxLength=" + maxLength + ", bcryptCost=" + bcryptCost
                    + ", pepper=<redacted>]";
        }
    }

    /**
     * The bounded pool that runs bcrypt: {@code threads} workers (0 = one per CPU) and at most
     * {@code queueCapacity} waiting jobs; beyond that a request is refused at once (429), never queued unbounded.
     * One client address key may have at most {@code perClient} jobs queued or running, so that one client
     * cannot fill the queue for everybody else.
     */
    public record Hashing(@Min(0) @DefaultValue("0") int threads, @Positive @DefaultValue("32") int queueCapacity,
            @Positive @DefaultValue("4") int perClient) {
    }

    /**
     * The in-memory copy of the revocations: the shared revocation version is polled every {@code poll} to notice a
     * lost broadcast, and the copy is trusted for {@code trust} after a poll that found it complete (past that,
     * every check reads the shared store).
     */
    public record Revocations(@NotNull @DefaultValue("250ms") Duration poll,
            @NotNull @DefaultValue("1s") Duration trust) {
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
            @Valid @NotNull @DefaultValue AccountWideRule accountWide, @Valid @NotNull @DefaultValue DeviceRule device) {

        public record AccountRule(@Positive @DefaultValue("5") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("5m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            public Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        public record IpRule(@Positive @DefaultValue("30") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("15m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            public Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        public record AccountWideRule(@Positive @DefaultValue("50") int freeFailures,
                @NotNull @DefaultValue("1s") Duration baseDelay, @NotNull @DefaultValue("1m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            public Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        /**
         * Failures from one trusted device (a valid device token, ADR 0016): past the free ones the device is not
         * trusted for the wait, and its logins are throttled like any other client's.
         */
        public record DeviceRule(@Positive @DefaultValue("5") int freeFailures,
                @NotNull @DefaultValue("15m") Duration baseDelay, @NotNull @DefaultValue("15m") Duration maxDelay,
                @NotNull @DefaultValue("15m") Duration window) {

            public Rule rule() {
                return new Rule(freeFailures, baseDelay, maxDelay, window);
            }
        }

        /** One throttle's settings, whichever key it counts. */
        public record Rule(int freeFailures, Duration baseDelay, Duration maxDelay, Duration window) {
        }
    }

    /**
     * Mail for password reset and e-mail verification: {@code from} address, {@code linkBaseUrl} of the web client
     * that receives the token, how long a mailed token is valid, and the per-account {@code cooldown}: within it a
     * new request for the same purpose sends nothing and leaves the live token alone. {@code logToConsole}: with no
     * SMTP server, write the mail (live token and all) to the log for a developer to follow; only the demo profile
     * sets it, elsewhere the log says only that a mail was not sent.
     */
    public record Mail(@NotBlank @DefaultValue("Blytz <no-reply@blytz.live>") String from,
            @NotBlank @DefaultValue("http://localhost:8080") String linkBaseUrl,
            @NotNull @DefaultValue("30m") Duration tokenLifetime,
            @NotNull @DefaultValue("5m") Duration cooldown,
            @DefaultValue("false") boolean logToConsole) {
    }

    /**
     * Device tokens (ADR 0016): HMAC-SHA256 {@code key} shared by every instance, and how long a token stays valid
     * (each successful login issues a fresh one).
     */
    public record DeviceTokens(@Nullable @Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String key,
            @NotNull @DefaultValue("90d") Duration lifetime) {

        private static final String DEVELOPMENT_KEY = "blytz development device-token key, never used in production";

        public byte[] macKey() {
            return (StringUtils.hasText(key) ? key : DEVELOPMENT_KEY).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "DeviceTokens[key=<redacted>, lifetime=" + lifetime + "]";
        }
    }

    /** How often ended sessions and spent or expired tokens are deleted, and how many rows one statement deletes. */
    public record Purge(@NotNull @DefaultValue("1h") Duration interval,
            @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize) {
    }

    /**
     * The {@code demo} profile's accounts: an admin, a seller and a buyer at {@code emailDomain}, created at the first
     * start with generated passwords that the log shows once.
     */
    public record Demo(@NotBlank @DefaultValue("demo.blytz.local") String emailDomain) {
    }

    @Override
    public String toString() {
        return "AuthProperties[issuer=" + issuer + ", audience=" + audience + ", signingKey=<redacted>, "
                + "nextSigningKey=<redacted>, sessions="
                + sessions + ", password=" + password + ", throttle=" + throttle + "]";
    }
}
