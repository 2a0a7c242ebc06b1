package live.blytz.users.internal.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.web.ExpectedVersion;
import live.blytz.users.events.UserProfileUpdated;
import live.blytz.users.internal.directory.UserDirectoryService;
import live.blytz.users.internal.directory.UserView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person reads and edits their own profile. A caller that states the version they edited gets a 409 when it is
 * stale ({@link ExpectedVersion}). A changed display name or avatar is announced with {@link UserProfileUpdated}.
 */
@Service
class ProfileService {

    private final ProfileRepository profiles;
    private final ProfileProvisioningService provisioning;
    private final UserDirectoryService directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, ProfileProvisioningService provisioning, UserDirectoryService directory,
            ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.provisioning = provisioning;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller's own view. If auth's events have not reached this module yet (the request came right after
     * registration), the profile is built from the token now, so this never fails for a valid token (ADR 0010).
     */
    @Transactional
    UserView me(Caller caller) {
        return directory.find(caller.id()).orElseGet(() -> {
            provisioning.ensureFor(caller);
            return directory.find(caller.id()).orElseThrow();
        });
    }

    @Transactional
    UserView edit(Caller caller, ProfileEdit edit, @Nullable Long expectedVersion) {
        Profile profile = profiles.findById(caller.id().value()).orElseGet(() -> {
            provisioning.ensureFor(caller);
            return profiles.findById(caller.id().value()).orElseThrow();
        });
        ExpectedVersion.check(expectedVersion, profile.version(), "profile");
        String displayNameBefore = profile.displayName();
        String avatarBefore = profile.avatarUrl();
        Instant now = clock.instant();
        if (profile.edit(edit, now)) {
            // Saved with the version it was loaded at: an edit committed since then fails here, also a 409.
            Profile saved = profiles.save(profile);
            if (!saved.displayName().equals(displayNameBefore) || !Objects.equals(saved.avatarUrl(), avatarBefore)) {
                events.publishEvent(new UserProfileUpdated(caller.id(), saved.version(), now, saved.displayName(),
                        saved.avatarUrl()));
            }
        }
        return me(caller);
    }
}
