package live.blytz.users.internal.directory;

import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.Role;
import live.blytz.users.internal.account.AccountStatus;
import org.jspecify.annotations.Nullable;

/**
 * Everything this module knows of one person: their profile joined with the account facts from auth.
 * {@code email} is null only while a profile built from a token lacks auth's {@code UserRegistered} (ADR 0010).
 */
public record UserView(
        UUID id,
        @Nullable String email,
        Role role,
        AccountStatus status,
        @Nullable String firstName,
        @Nullable String lastName,
        String displayName,
        @Nullable String avatarUrl,
        @Nullable String phone,
        @Nullable String bio,
        boolean emailVerified,
        @Nullable Instant lastLoginAt,
        @Nullable Instant passwordChangedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Whether others may see this person: suspended accounts are hidden. */
    public boolean visible() {
        return status == AccountStatus.ACTIVE;
    }
}
