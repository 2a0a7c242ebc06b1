package live.blytz.auth.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Registration announces the account with the profile data the users module takes from it. */
@BlytzIntegrationTest
@RecordApplicationEvents
class RegistrationEventsTests {

    @Autowired
    RegistrationService registrations;

    @Autowired
    ApplicationEvents events;

    @Test
    void registrationPublishesUserRegistered() {
        String email = "events-" + UUID.randomUUID() + "@blytz.test";
        AccountResponse view = registrations.register(new Registration(email, "a fine long passphrase", Role.SELLER,
                "Ada", "Lovelace", "+44 20 7946 0958"), "test");
        assertThat(events.stream(UserRegistered.class)).singleElement().satisfies(event -> {
            assertThat(event.userId()).isEqualTo(new UserId(view.id()));
            assertThat(event.email()).isEqualTo(email);
            assertThat(event.role()).isEqualTo(Role.SELLER);
            assertThat(event.firstName()).isEqualTo("Ada");
            assertThat(event.lastName()).isEqualTo("Lovelace");
            assertThat(event.phone()).isEqualTo("+44 20 7946 0958");
            assertThat(event.accountVersion()).isZero();
            assertThat(event.occurredAt()).isNotNull();
        });
    }
}
