package live.blytz.auth.internal;

import live.blytz.sharedkernel.EmailAddress;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first administrator from {@code BLYTZ_ADMIN_EMAIL} / {@code BLYTZ_ADMIN_PASSWORD} when no account
 * has that address yet. Nobody can register as admin, and there is no built-in account with a known password.
 * An existing account is left alone: the configured password is used once, at creation.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accountService;
    private final AccountRepository accounts;
    private final AuthProperties.Admin admin;

    AdminBootstrap(AccountService accountService, AccountRepository accounts, AuthProperties properties) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.admin = properties.admin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(admin.email()) || !StringUtils.hasText(admin.password())) {
            log.info("No first administrator configured (BLYTZ_ADMIN_EMAIL / BLYTZ_ADMIN_PASSWORD)");
            return;
        }
        String email = EmailAddress.of(admin.email()).value();
        if (accounts.existsByEmail(email)) {
            return;
        }
        try {
            accountService.create(new Registration(email, admin.password(), Role.ADMIN, null, null, null));
            log.info("Created the first administrator account");
        } catch (ConflictException raceWithAnotherInstance) {
            log.debug("Another instance created the first administrator");
        }
    }
}
