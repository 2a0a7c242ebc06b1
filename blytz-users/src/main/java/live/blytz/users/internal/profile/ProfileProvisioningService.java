package live.blytz.users.internal.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.users.events.UserProfileUpdated;
import live.blytz.users.internal.account.AccountFactsRepository;
import live.blytz.users.internal.account.AccountStatus;
import live.blytz.users.internal.directory.DisplayNames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates profiles, idempotently, from whichever comes first: auth's {@code UserRegistered} event or the
 * person's first authenticated request (ADR 0010). Both insert with {@code ON CONFLICT DO NOTHING}, so two
 * racing creators leave one profile, and only the one that inserted announces it with {@link UserProfileUpdated}.
 */
@Service
class ProfileProvisioningService {

    private static final Logger log = LoggerFactory.getLogger(ProfileProvisioningService.class);

    private final ProfileRepository profiles;
    private final AccountFactsRepository facts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileProvisioningService(ProfileRepository profiles, AccountFactsRepository facts,
            ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    /** Makes sure the caller has a profile and account facts, from the token alone if nothing else is known yet. */
    @Transactional
    void ensureFor(Caller caller) {
        Instant now = clock.instant();
        facts.ensureFromToken(caller.id(), caller.role(), caller.email(), now);
        if (profiles.insertIfAbsent(caller.id().value(), null, null, null, now, now)) {
            announceNew(caller.id(), null, null, now);
        }
    }

    /** Records a registration: its account facts, and a profile with the names and phone given. */
    @Transactional
    void register(UserRegistered event) {
        Instant now = clock.instant();
        UserId id = event.userId();
        facts.applyEmail(id, event.email(), false, event.accountVersion(), now);
        facts.applyRole(id, event.role(), event.accountVersion(), now);
        facts.applyStatus(id, AccountStatus.ACTIVE, event.accountVersion(), now);

        String firstName = acceptable(id, ProfileField.FIRST_NAME, event.firstName());
        String lastName = acceptable(id, ProfileField.LAST_NAME, event.lastName());
        String phone = acceptable(id, ProfileField.PHONE, event.phone());
        if (profiles.insertIfAbsent(id.value(), firstName, lastName, phone, event.occurredAt(), now)) {
            announceNew(id, firstName, lastName, now);
            return;
        }
        // The person got here first (their token created the profile): fill in what they have not set themselves.
        Profile profile = profiles.findLockedById(id.value()).orElseThrow();
        String displayNameBefore = profile.displayName();
        if (profile.applyRegistration(firstName, lastName, phone, now)) {
            Profile saved = profiles.save(profile);
            if (!saved.displayName().equals(displayNameBefore)) {
                events.publishEvent(new UserProfileUpdated(id, saved.version(), now, saved.displayName(),
                        saved.avatarUrl()));
            }
        }
    }

    private void announceNew(UserId id, @Nullable String firstName, @Nullable String lastName, Instant now) {
        events.publishEvent(new UserProfileUpdated(id, 0, now,
                DisplayNames.of(id.value(), firstName, lastName, null), null));
    }

    // Auth validates what it accepts at registration; should a value still break our rules, the profile is
    // created without it rather than not at all.
    private static @Nullable String acceptable(UserId id, ProfileField field, @Nullable String value) {
        List<FieldError> errors = new ArrayList<>();
        String normalised = ProfileRules.normalise(field, value, errors);
        if (!errors.isEmpty()) {
            log.warn("Registration of {} carried an invalid {}; the profile is created without it", id, field.jsonName());
        }
        return normalised;
    }
}
