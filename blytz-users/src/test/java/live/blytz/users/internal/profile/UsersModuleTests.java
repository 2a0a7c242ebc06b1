package live.blytz.users.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.EmailVerified;
import live.blytz.auth.events.PasswordChanged;
import live.blytz.auth.events.RoleChanged;
import live.blytz.auth.events.UserLoggedIn;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.users.events.UserProfileUpdated;
import live.blytz.users.internal.account.AccountStatus;
import live.blytz.users.internal.directory.UserDirectoryService;
import live.blytz.users.internal.directory.UserSearch;
import live.blytz.users.internal.directory.UserView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The users module on its own (plus the app's infrastructure: security, Redis, health), fed with auth's events:
 * profiles are created once, and the read model of account facts ignores repeated and stale events, whatever
 * order they arrive in.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class UsersModuleTests {

    @Autowired
    UserDirectoryService directory;

    @Autowired
    ProfileService profiles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProfileEvents profileEvents;

    @Test
    void registrationCreatesAProfileAndAnnouncesIt(Scenario scenario) {
        UserId id = UserId.newId();
        String email = "ada-" + id + "@example.com";

        scenario.publish(registered(id, 1, email, Role.SELLER, "Ada", "Lovelace", "+44 20 7946 0958"))
                .andWaitForStateChange(() -> profileEvents.of(id))
                .andVerify(events -> assertThat(events).singleElement().satisfies(event -> {
                    assertThat(event.displayName()).isEqualTo("Ada L.");
                    assertThat(event.profileVersion()).isZero();
                    assertThat(event.avatarUrl()).isNull();
                }));

        UserView view = directory.visible(id).orElseThrow();
        assertThat(view.email()).isEqualTo(email);
        assertThat(view.role()).isEqualTo(Role.SELLER);
        assertThat(view.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(view.phone()).isEqualTo("+442079460958");
        assertThat(view.emailVerified()).isFalse();
        assertThat(directory.visible(id)).as("the public profile").hasValueSatisfying(profile -> {
            assertThat(profile.displayName()).isEqualTo("Ada L.");
            assertThat(profile.role()).isEqualTo(Role.SELLER);
        });
    }

    @Test
    void theSameRegistrationTwiceLeavesOneUnchangedProfile(Scenario scenario) {
        UserId id = UserId.newId();
        UserRegistered event = registered(id, 1, "twice-" + id + "@example.com", Role.BUYER, "Grace", "Hopper", null);

        scenario.publish(event).andWaitForStateChange(() -> delivered(id, UserRegistered.class));
        UserView first = directory.visible(id).orElseThrow();
        scenario.publish(event).andWaitForStateChange(() -> delivered(id, UserRegistered.class));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM users.profiles WHERE id = ?", Long.class, id.value()))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users.account_facts WHERE id = ?", Long.class, id.value()))
                .isOne();
        assertThat(directory.visible(id)).contains(first);
        assertThat(profileEvents.of(id)).as("the profile is announced once").hasSize(1);
    }

    @Test
    void aStaleRoleChangeIsIgnored(Scenario scenario) {
        UserId id = UserId.newId();
        scenario.publish(registered(id, 1, "role-" + id + "@example.com", Role.BUYER, null, null, null))
                .andWaitForStateChange(() -> directory.visible(id).isPresent());
        scenario.publish(new RoleChanged(id, 3, now(), Role.SELLER))
                .andWaitForStateChange(() -> directory.visible(id).filter(v -> v.role() == Role.SELLER).isPresent());

        scenario.publish(new RoleChanged(id, 2, now(), Role.ADMIN))
                .andWaitForStateChange(() -> delivered(id, RoleChanged.class));

        assertThat(directory.visible(id).orElseThrow().role()).isEqualTo(Role.SELLER);
    }

    @Test
    void passwordChangesAreRecordedInOrder(Scenario scenario) {
        UserId id = UserId.newId();
        Instant newer = now();
        scenario.publish(registered(id, 1, "pw-" + id + "@example.com", Role.BUYER, null, null, null))
                .andWaitForStateChange(() -> directory.visible(id).isPresent());
        scenario.publish(new PasswordChanged(id, 5, newer))
                .andWaitForStateChange(() -> directory.visible(id).map(UserView::passwordChangedAt).orElse(null));

        scenario.publish(new PasswordChanged(id, 4, newer.minusSeconds(60)))
                .andWaitForStateChange(() -> delivered(id, PasswordChanged.class));

        assertThat(directory.visible(id).orElseThrow().passwordChangedAt()).isEqualTo(newer);
    }

    @Test
    void aRegistrationArrivingAfterNewerFactsDoesNotUndoThem(Scenario scenario) {
        UserId id = UserId.newId();
        String email = "late-" + id + "@example.com";
        Instant loggedInAt = now().minusSeconds(5);
        scenario.publish(new AccountSuspended(id, 4, now()))
                .andWaitForStateChange(() -> delivered(id, AccountSuspended.class));
        scenario.publish(new EmailVerified(id, 3, now(), email))
                .andWaitForStateChange(() -> delivered(id, EmailVerified.class));
        scenario.publish(new UserLoggedIn(id, 2, loggedInAt))
                .andWaitForStateChange(() -> delivered(id, UserLoggedIn.class));

        scenario.publish(registered(id, 1, email, Role.SELLER, "Late", "Comer", null))
                .andWaitForStateChange(() -> delivered(id, UserRegistered.class));

        UserView view = directory.search(new UserSearch(email, null, null, UserSearch.DEFAULT_SORT, PageRequest.of(1, 5)))
                .items().getFirst();
        assertThat(view.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(view.emailVerified()).isTrue();
        assertThat(view.lastLoginAt()).isEqualTo(loggedInAt);
        assertThat(view.role()).isEqualTo(Role.SELLER);
        assertThat(directory.visible(id)).as("a suspended person is hidden, also their public profile").isEmpty();
    }

    @Test
    void aProfileBuiltFromTheTokenIsCompletedByTheRegistrationArrivingLater(Scenario scenario) {
        UserId id = UserId.newId();
        String email = "early-" + id + "@example.com";

        UserView early = profiles.me(new Caller(id, Set.of(Role.SELLER), null, null));
        assertThat(early.email()).isNull();
        assertThat(early.role()).isEqualTo(Role.SELLER);
        assertThat(early.displayName()).startsWith("User ");
        assertThat(early.version()).isZero();

        scenario.publish(registered(id, 1, email, Role.SELLER, "Early", "Bird", null))
                .andWaitForStateChange(() -> profileEvents.of(id).size() == 2);

        assertThat(profileEvents.of(id)).extracting(UserProfileUpdated::profileVersion, UserProfileUpdated::displayName)
                .containsExactly(tuple(0L, early.displayName()), tuple(1L, "Early B."));

        UserView completed = profiles.me(new Caller(id, Set.of(Role.SELLER), null, null));
        assertThat(completed.email()).isEqualTo(email);
        assertThat(completed.firstName()).isEqualTo("Early");
        assertThat(completed.version()).isOne();
    }

    /**
     * Collects the UserProfileUpdated events this module publishes. Scenario's own event capture only sees the
     * test's thread, while the listeners that publish them run asynchronously.
     */
    @TestConfiguration
    static class ProfileEventsConfiguration {

        @Bean
        ProfileEvents profileEvents() {
            return new ProfileEvents();
        }
    }

    static class ProfileEvents {

        private final Queue<UserProfileUpdated> received = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(UserProfileUpdated event) {
            received.add(event);
        }

        List<UserProfileUpdated> of(UserId id) {
            return received.stream().filter(event -> event.userId().equals(id)).toList();
        }
    }

    @Test
    void concurrentFirstRequestsAndTheRegistrationLeaveOneProfileAnnouncedOnce(Scenario scenario) throws Exception {
        UserId id = UserId.newId();
        Caller caller = new Caller(id, Set.of(Role.BUYER), null, null);
        int requests = 6;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<UserView>> views = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                views.add(pool.submit(() -> {
                    start.await();
                    return profiles.me(caller);
                }));
            }
            start.countDown();
            scenario.publish(registered(id, 1, "race-" + id + "@example.com", Role.BUYER, null, null, null))
                    .andWaitForStateChange(() -> delivered(id, UserRegistered.class));
            for (Future<UserView> view : views) {
                assertThat(view.get().id()).isEqualTo(id.value());
            }
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM users.profiles WHERE id = ?", Long.class, id.value()))
                .isOne();
        assertThat(profileEvents.of(id)).as("announced by whichever creator won").hasSize(1);
        assertThat(profiles.me(caller).email()).isEqualTo("race-" + id + "@example.com");
    }

    /**
     * Whether every listener has handled the events of this type about this user: publications are stored when
     * published and deleted once complete (completion mode {@code delete}), so none left means all delivered.
     */
    private boolean delivered(UserId id, Class<?> eventType) {
        Long pending = jdbc.queryForObject("""
                SELECT count(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?""",
                Long.class, eventType.getName(), "%" + id.value() + "%");
        return pending != null && pending == 0;
    }

    private static UserRegistered registered(UserId id, long version, String email, Role role, String firstName,
            String lastName, String phone) {
        return new UserRegistered(id, version, now(), email, role, firstName, lastName, phone);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
