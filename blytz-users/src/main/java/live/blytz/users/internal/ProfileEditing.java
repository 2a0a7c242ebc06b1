package live.blytz.users.internal;

import java.time.Instant;
import java.util.Objects;
import live.blytz.sharedkernel.web.ExpectedVersion;
import live.blytz.users.events.UserProfileUpdated;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person edits their own profile. A caller that states the version they edited gets a 409 when it is stale
 * ({@link ExpectedVersion}). A changed display name or avatar is announced with {@link UserProfileUpdated}.
 */
@Service
public class ProfileEditing {

    private final ProfileRepository profiles;
    private final ProfileProvisioning provisioning;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;

    ProfileEditing(ProfileRepository profiles, ProfileProvisioning provisioning, UserDirectory directory,
            ApplicationEventPublisher events) {
        this.profiles = profiles;
        this.provisioning = provisioning;
        this.directory = directory;
        this.events = events;
    }

    @Transactional
    public UserView edit(Caller caller, ProfileEdit edit, @Nullable Long expectedVersion) {
        Profile profile = profiles.findById(caller.id().value()).orElseGet(() -> {
            provisioning.ensureFor(caller);
            return profiles.findById(caller.id().value()).orElseThrow();
        });
        ExpectedVersion.check(expectedVersion, profile.version(), "profile");
        String displayNameBefore = profile.displayName();
        String avatarBefore = profile.avatarUrl();
        Instant now = Timestamps.now();
        if (profile.edit(edit, now)) {
            // Saved with the version it was loaded at: an edit committed since then fails here, also a 409.
            Profile saved = profiles.save(profile);
            if (!saved.displayName().equals(displayNameBefore) || !Objects.equals(saved.avatarUrl(), avatarBefore)) {
                events.publishEvent(new UserProfileUpdated(caller.id(), saved.version(), now, saved.displayName(),
                        saved.avatarUrl()));
            }
        }
        return directory.me(caller);
    }
}
