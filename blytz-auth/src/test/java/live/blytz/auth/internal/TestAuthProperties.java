package live.blytz.auth.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** {@link AuthProperties} for plain unit tests and hand-built components, with the defaults the application would bind. */
public final class TestAuthProperties {

    public static final String PEPPER = "a test pepper of at least thirty-two characters";

    private TestAuthProperties() {
    }

    public static AuthProperties withHashing(int bcryptCost, int threads, int queueCapacity) {
        return with(bcryptCost, PEPPER, threads, queueCapacity, new AuthProperties.Admin(null, null));
    }

    public static AuthProperties withPepper(String pepper) {
        return with(10, pepper, 1, 4, new AuthProperties.Admin(null, null));
    }

    public static AuthProperties withAdmin(String email, String password) {
        return with(10, PEPPER, 1, 1, new AuthProperties.Admin(email, password));
    }

    public static AuthProperties withDemoDomain(String emailDomain) {
        return with(10, PEPPER, 1, 1, new AuthProperties.Admin(null, null), emailDomain);
    }

    /** Configured signing keys: {@code BLYTZ_AUTH_SIGNING_KEY} and {@code BLYTZ_AUTH_NEXT_SIGNING_KEY}. */
    public static AuthProperties withSigningKeys(@Nullable String signingKey, @Nullable String nextSigningKey) {
        AuthProperties p = withHashing(10, 1, 1);
        return new AuthProperties(p.issuer(), p.audience(), p.accessTokenLifetime(), p.clockSkew(), signingKey,
                nextSigningKey, p.keyRefresh(), p.keyActivationDelay(), p.verifiedTokens(), p.sessions(), p.password(),
                p.hashing(), p.admin(), p.throttle(), p.mail(), p.revocations(), p.deviceTokens(), p.purge(), p.demo());
    }

    /** As the demo profile has it: with no SMTP server the mails are written to the log. */
    public static AuthProperties withMailLoggedToConsole() {
        return with(10, PEPPER, 1, 1, new AuthProperties.Admin(null, null), "demo.blytz.test", true);
    }

    private static AuthProperties with(int bcryptCost, String pepper, int threads, int queueCapacity,
            AuthProperties.Admin admin) {
        return with(bcryptCost, pepper, threads, queueCapacity, admin, "demo.blytz.test");
    }

    private static AuthProperties with(int bcryptCost, String pepper, int threads, int queueCapacity,
            AuthProperties.Admin admin, String demoEmailDomain) {
        return with(bcryptCost, pepper, threads, queueCapacity, admin, demoEmailDomain, false);
    }

    private static AuthProperties with(int bcryptCost, String pepper, int threads, int queueCapacity,
            AuthProperties.Admin admin, String demoEmailDomain, boolean mailLoggedToConsole) {
        return new AuthProperties("http://localhost:8080", "blytz", Duration.ofMinutes(15), Duration.ofSeconds(30),
                null, null, Duration.ofMinutes(1), Duration.ofMinutes(2), 10_000,
                new AuthProperties.Sessions(Duration.ofDays(7), Duration.ofDays(30), 20),
                new AuthProperties.Passwords(8, 128, bcryptCost, pepper),
                new AuthProperties.Hashing(threads, queueCapacity, 2),
                admin,
                new AuthProperties.Throttle(
                        new AuthProperties.Throttle.AccountRule(5, Duration.ofSeconds(1), Duration.ofMinutes(5),
                                Duration.ofMinutes(15)),
                        new AuthProperties.Throttle.IpRule(30, Duration.ofSeconds(1), Duration.ofMinutes(15),
                                Duration.ofMinutes(15)),
                        new AuthProperties.Throttle.AccountWideRule(50, Duration.ofSeconds(1), Duration.ofMinutes(1),
                                Duration.ofMinutes(15)),
                        new AuthProperties.Throttle.DeviceRule(5, Duration.ofMinutes(15), Duration.ofMinutes(15),
                                Duration.ofMinutes(15))),
                new AuthProperties.Mail("Blytz <no-reply@blytz.test>", "http://localhost:8080", Duration.ofMinutes(30),
                        Duration.ofMinutes(5), mailLoggedToConsole),
                new AuthProperties.Revocations(Duration.ofMillis(250), Duration.ofSeconds(1)),
                new AuthProperties.DeviceTokens(null, Duration.ofDays(90)),
                new AuthProperties.Purge(Duration.ofHours(1), 1000),
                new AuthProperties.Demo(demoEmailDomain));
    }
}
