package live.blytz.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.EmailVerified;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every change of an account, made over HTTP, publishes its event with the account's growing version. */
@BlytzIntegrationTest
class AccountEventsTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyAccountChangePublishesItsEventWithAGrowingVersion() throws Exception {
        // Recorded from every thread: the changes are published on the server's request threads.
        List<Object> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> recorder = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload) {
                published.add(payload.getPayload());
            }
        };
        context.addApplicationListener(recorder);
        TestAccounts accounts = new TestAccounts(http);
        TestAccounts.Account user;
        try {
            user = accounts.register(Role.BUYER);
            http.post().uri("/api/v1/auth/email-verification/request").header("Authorization", user.bearer())
                    .exchange().expectStatus().isAccepted();
            String verification = TestMailbox.tokenMailedTo(user.email());
            http.post().uri("/api/v1/auth/change-password").header("Authorization", user.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("current_password", user.password(), "new_password", "another long passphrase"))
                    .exchange().expectStatus().isNoContent();
            String admin = accounts.admin().bearer();
            http.put().uri("/api/v1/auth/accounts/{id}/role", user.id().value()).header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", "seller"))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/v1/auth/accounts/{id}/suspend", user.id().value()).header("Authorization", admin)
                    .exchange().expectStatus().isNoContent();
            http.post().uri("/api/v1/auth/accounts/{id}/reactivate", user.id().value()).header("Authorization", admin)
                    .exchange().expectStatus().isNoContent();
            http.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("token", verification))
                    .exchange().expectStatus().isOk();
        } finally {
            context.removeApplicationListener(recorder);
        }
        UserId id = user.id();

        long registered = first(published, UserRegistered.class, id).accountVersion();
        long loggedIn = first(published, UserLoggedIn.class, id).accountVersion();
        long passwordChanged = first(published, PasswordChanged.class, id).accountVersion();
        RoleChanged roleChanged = first(published, RoleChanged.class, id);
        long suspended = first(published, AccountSuspended.class, id).accountVersion();
        long reactivated = first(published, AccountReactivated.class, id).accountVersion();
        EmailVerified verified = first(published, EmailVerified.class, id);

        assertThat(roleChanged.role()).isEqualTo(Role.SELLER);
        assertThat(verified.email()).isEqualTo(user.email());
        assertThat(List.of(registered, loggedIn, passwordChanged, roleChanged.accountVersion(), suspended,
                reactivated, verified.accountVersion())).isSorted().doesNotHaveDuplicates();
        long stored = jdbc.sql("SELECT version FROM auth.accounts WHERE id = :id").param("id", id.value())
                .query(Long.class).single();
        assertThat(verified.accountVersion()).isEqualTo(stored);
    }

    private static <E> E first(List<Object> published, Class<E> type, UserId user) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> user.equals(userIdOf(event)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " for " + user));
    }

    private static UserId userIdOf(Object event) {
        return switch (event) {
            case UserRegistered e -> e.userId();
            case UserLoggedIn e -> e.userId();
            case PasswordChanged e -> e.userId();
            case RoleChanged e -> e.userId();
            case AccountSuspended e -> e.userId();
            case AccountReactivated e -> e.userId();
            case EmailVerified e -> e.userId();
            default -> throw new IllegalArgumentException("Not an account event: " + event);
        };
    }
}
