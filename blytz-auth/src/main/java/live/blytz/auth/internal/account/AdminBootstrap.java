package live.blytz.auth.internal.account;

import java.util.Optional;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.password.PasswordHashing;
import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first administrator from {@code BLYTZ_ADMIN_EMAIL} / {@code BLYTZ_ADMIN_PASSWORD} when no account
 * has that address yet. Nobody can register as admin, and there is no built-in account with a known password.
 * An existing account is left alone: the configured password is used once, at creation. If the address belongs
 * to an account that is not an admin, the configuration does not do what the operator meant (someone may have
 * registered that address first): a warning, and under the {@code prod} profile the application refuses to start.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final RegistrationService registrations;
    private final AccountRepository accounts;
    private final AuthProperties.Admin admin;
    private final Environment environment;

    AdminBootstrap(RegistrationService registrations, AccountRepository accounts, AuthProperties properties,
            Environment environment) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.admin = properties.admin();
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(admin.email()) || !StringUtils.hasText(admin.password())) {
            log.info("No first administrator configured (BLYTZ_ADMIN_EMAIL / BLYTZ_ADMIN_PASSWORD)");
            return;
        }
        String email = EmailAddress.of(admin.email()).value();
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            if (existing.get().role() != Role.ADMIN) {
                String problem = "BLYTZ_ADMIN_EMAIL belongs to an existing account that is not an admin ("
                        + existing.get().role().code() + "); no administrator was created";
                if (environment.matchesProfiles("prod")) {
                    throw new IllegalStateException(problem);
                }
                log.warn(problem);
            }
            return;
        }
        try {
            registrations.create(new Registration(email, admin.password(), Role.ADMIN, null, null, null),
                    PasswordHashing.SERVER);
            log.info("Created the first administrator account");
        } catch (ConflictException raceWithAnotherInstance) {
            log.debug("Another instance created the first administrator");
        }
    }
}
