package live.blytz.auth.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as the API shows it to its owner or an admin: never the password hash. */
public record AccountView(UUID id, String email, String role, String status, boolean emailVerified,
        @Nullable Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id().value(), account.email(), account.role().code(), account.status(),
                account.emailVerified(), account.lastLoginAt(), account.createdAt(), account.updatedAt());
    }
}
