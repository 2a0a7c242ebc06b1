package live.blytz.users.internal.directory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;

/** A person's full record, for themselves ({@code /users/me}) and for admins. */
@Schema(name = "User")
public record UserResponse(
        UUID id,
        @Schema(description = "Null only in the moments after registration, before auth's event is processed",
                nullable = true) @Nullable String email,
        @Schema(allowableValues = {"buyer", "seller", "admin"}) String role,
        @Schema(allowableValues = {"active", "suspended"}) String status,
        @Nullable String firstName,
        @Nullable String lastName,
        String displayName,
        @Nullable String avatarUrl,
        @Schema(description = "E.164", nullable = true) @Nullable String phone,
        @Nullable String bio,
        boolean emailVerified,
        @Nullable Instant lastLoginAt,
        @Nullable Instant passwordChangedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optional with PATCH (or as If-Match, the ETag): edits exactly this version") long version) {

    public static UserResponse of(UserView view) {
        return new UserResponse(view.id(), view.email(), view.role().code(), view.status().code(), view.firstName(),
                view.lastName(), view.displayName(), view.avatarUrl(), view.phone(), view.bio(), view.emailVerified(),
                view.lastLoginAt(), view.passwordChangedAt(), view.createdAt(), view.updatedAt(), view.version());
    }

    /** The {@code {"user": {...}}} wrapper of a single resource; its version becomes the ETag. */
    @Schema(name = "UserEnvelope")
    public record Envelope(UserResponse user) implements Versioned {

        public static Envelope of(UserView view) {
            return new Envelope(UserResponse.of(view));
        }

        @Override
        @JsonIgnore
        public long version() {
            return user.version();
        }
    }
}
