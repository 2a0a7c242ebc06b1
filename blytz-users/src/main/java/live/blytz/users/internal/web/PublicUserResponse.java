package live.blytz.users.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import live.blytz.users.PublicProfile;
import org.jspecify.annotations.Nullable;

/** What anyone may see of a person: no e-mail, no phone, no account details. */
@Schema(name = "PublicUser")
record PublicUserResponse(
        UUID id,
        String displayName,
        @Nullable String avatarUrl,
        @Nullable String bio,
        @Schema(allowableValues = {"buyer", "seller", "admin"}) String role,
        Instant createdAt) {

    static PublicUserResponse of(PublicProfile profile) {
        return new PublicUserResponse(profile.id().value(), profile.displayName(), profile.avatarUrl(), profile.bio(),
                profile.role().code(), profile.createdAt());
    }

    @Schema(name = "PublicUserEnvelope")
    record Envelope(PublicUserResponse user) {
    }
}
