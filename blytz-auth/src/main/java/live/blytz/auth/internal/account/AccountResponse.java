package live.blytz.auth.internal.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.Codes;
import org.jspecify.annotations.Nullable;

/** An account as the API shows it to its owner or an admin: never the password hash. */
@Schema(name = "AccountView")
public record AccountResponse(UUID id, String email, String role, String status, boolean emailVerified,
        @Nullable Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    public static AccountResponse of(Account account) {
        return new AccountResponse(account.id().value(), account.email(), account.role().code(),
                Codes.of(account.status()), account.emailVerified(), account.lastLoginAt(), account.createdAt(),
                account.updatedAt());
    }

    /** {@code {"user": {...}}} */
    @Schema(name = "UserResponse")
    public record Envelope(AccountResponse user) {
    }
}
