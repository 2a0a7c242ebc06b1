package live.blytz.auth.internal.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.password.PasswordHashing;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile's accounts: an admin, a seller and a buyer at {@code blytz.auth.demo.email-domain},
 * created at the first start through registration (so users and catalog learn of them from {@code UserRegistered}),
 * each with a password generated here and shown once, in the log of that start. A later start finds them and shows
 * no password. Never under {@code prod}: there is no account with a known or fixed password.
 */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    /** A demo account created by this start, with the password nobody else will ever see. */
    record Created(String email, String password, Role role) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final List<Role> ROLES = List.of(Role.ADMIN, Role.SELLER, Role.BUYER);
    // Lower-case letters and digits without the look-alikes (i, l, o, 0, 1): easy to read from a log and to type.
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegistrationService registrations;
    private final AccountRepository accounts;
    private final String domain;
    private final Environment environment;

    DemoAccounts(RegistrationService registrations, AccountRepository accounts, AuthProperties properties,
            Environment environment) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.domain = properties.demo().emailDomain();
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Creates the demo accounts that do not exist yet; returns those it created. */
    List<Created> seed() {
        if (environment.matchesProfiles("prod")) {
            log.warn("The demo profile is active together with prod: no demo accounts are created");
            return List.of();
        }
        List<Created> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Role role : ROLES) {
            String email = role.code() + "@" + domain;
            if (accounts.existsByEmail(email)) {
                existing.add(email);
                continue;
            }
            String password = newPassword();
            try {
                registrations.create(new Registration(email, password, role, "Demo", title(role), null),
                        PasswordHashing.SERVER);
                created.add(new Created(email, password, role));
            } catch (ConflictException createdByAnotherInstance) {
                existing.add(email);
            }
        }
        if (!existing.isEmpty()) {
            log.info("Demo accounts exist: {} (their passwords were shown once, when they were created)",
                    String.join(", ", existing));
        }
        if (!created.isEmpty()) {
            StringBuilder block = new StringBuilder("Demo accounts created; their passwords are shown this once:");
            block.append(row("e-mail", "password", "role"));
            created.forEach(account -> block.append(row(account.email(), account.password(), account.role().code())));
            log.info(block.toString());
        }
        return created;
    }

    /** 20 random characters of 31 (99 bits), in groups of five: {@code k7mqp-x3vrt-9wzhd-fb2nc}. */
    static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }

    private static String row(String email, String password, String role) {
        return String.format("%n  %-32s %-24s %s", email, password, role);
    }

    private static String title(Role role) {
        return Character.toUpperCase(role.code().charAt(0)) + role.code().substring(1);
    }
}
