package live.blytz.auth.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auth module boots alone (with the app's infrastructure, no other business module) and announces what
 * happens to accounts through its published events, carrying what listeners need.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class AuthModuleTests {

    @Autowired
    RegistrationService registrations;

    @Autowired
    AccountAdminService accounts;

    @Test
    void registrationPublishesUserRegisteredWithTheProfileData(Scenario scenario) {
        String email = "module-" + UUID.randomUUID() + "@blytz.test";
        scenario.stimulate(() -> registrations.register(new Registration(email.toUpperCase(), "a long enough passphrase",
                        Role.SELLER, "Ada", "Lovelace", "+442079460958"), "test"))
                .andWaitForEventOfType(UserRegistered.class)
                .matching(event -> event.email().equals(email))
                .toArriveAndVerify((event, account) -> {
                    assertThat(event.userId().value()).isEqualTo(account.id());
                    assertThat(event.role()).isEqualTo(Role.SELLER);
                    assertThat(event.firstName()).isEqualTo("Ada");
                    assertThat(event.phone()).isEqualTo("+442079460958");
                    assertThat(event.accountVersion()).isNotNegative();
                });
    }

    @Test
    void aRoleChangeIsAnnouncedWithANewerAccountVersion(Scenario scenario) {
        var admin = registrations.register(new Registration("admin-" + UUID.randomUUID() + "@blytz.test",
                "a long enough passphrase", Role.BUYER, null, null, null), "test");
        var user = registrations.register(new Registration("user-" + UUID.randomUUID() + "@blytz.test",
                "a long enough passphrase", Role.BUYER, null, null, null), "test");
        scenario.stimulate(() -> accounts.changeRole(new UserId(admin.id()), new UserId(user.id()), Role.SELLER))
                .andWaitForEventOfType(RoleChanged.class)
                .matching(event -> event.userId().value().equals(user.id()))
                .toArriveAndVerify(event -> {
                    assertThat(event.role()).isEqualTo(Role.SELLER);
                    assertThat(event.accountVersion()).isPositive();
                });
    }

    @Test
    void aDuplicateAddressInAnyLetterCaseIsAConflict() {
        String email = "dup-" + UUID.randomUUID() + "@blytz.test";
        registrations.register(new Registration(email, "a long enough passphrase", Role.BUYER, null, null, null), "test");
        assertThatThrownBy(() -> registrations.register(new Registration(email.toUpperCase(), "another passphrase!",
                Role.BUYER, null, null, null), "test")).isInstanceOf(ConflictException.class);
    }
}
