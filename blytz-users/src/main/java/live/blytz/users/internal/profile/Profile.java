package live.blytz.users.internal.profile;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import live.blytz.users.internal.directory.DisplayNames;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a person shows of themselves. Its id is the account id. Created idempotently (by auth's
 * {@code UserRegistered} or on first access, see {@link ProfileProvisioningService}); edited by its owner under
 * optimistic locking, so {@code version} counts edits of these fields only (account facts live apart).
 */
@Table(schema = "users", name = "profiles")
class Profile {

    @Id
    private final UUID id;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String chosenDisplayName;
    private @Nullable String avatarUrl;
    private @Nullable String phone;
    private @Nullable String bio;
    @Version
    private @Nullable Long version;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Profile(UUID id, @Nullable String firstName, @Nullable String lastName, @Nullable String chosenDisplayName,
            @Nullable String avatarUrl, @Nullable String phone, @Nullable String bio,
            @Nullable Long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.chosenDisplayName = chosenDisplayName;
        this.avatarUrl = avatarUrl;
        this.phone = phone;
        this.bio = bio;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * Fills the names and phone given at registration into a profile its owner has never edited (they may
     * have reached it before the event did), and only where empty. Applying it twice changes nothing.
     * Returns whether anything changed.
     */
    boolean applyRegistration(@Nullable String firstName, @Nullable String lastName, @Nullable String phone,
            Instant now) {
        if (version() != 0) {
            return false;
        }
        boolean changed = false;
        if (this.firstName == null && firstName != null) {
            this.firstName = firstName;
            changed = true;
        }
        if (this.lastName == null && lastName != null) {
            this.lastName = lastName;
            changed = true;
        }
        if (this.phone == null && phone != null) {
            this.phone = phone;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** Applies the owner's edit; returns whether anything changed. */
    boolean edit(ProfileEdit edit, Instant now) {
        List<@Nullable String> before = editable();
        firstName = edit.firstName().orElse(firstName);
        lastName = edit.lastName().orElse(lastName);
        chosenDisplayName = edit.displayName().orElse(chosenDisplayName);
        avatarUrl = edit.avatarUrl().orElse(avatarUrl);
        phone = edit.phone().orElse(phone);
        bio = edit.bio().orElse(bio);
        if (before.equals(editable())) {
            return false;
        }
        updatedAt = now;
        return true;
    }

    private List<@Nullable String> editable() {
        return Arrays.asList(firstName, lastName, chosenDisplayName, avatarUrl, phone, bio);
    }

    /** The public face: what the person wants to be called (see {@link DisplayNames}). */
    String displayName() {
        return DisplayNames.of(id, firstName, lastName, chosenDisplayName);
    }

    UUID id() {
        return id;
    }

    @Nullable String avatarUrl() {
        return avatarUrl;
    }

    long version() {
        return version == null ? 0 : version;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
