package live.blytz.users.internal.publicprofile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import live.blytz.users.internal.directory.UserView;
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

    static PublicUserResponse of(UserView view) {
        return new PublicUserResponse(view.id(), view.displayName(), view.avatarUrl(), view.bio(), view.role().code(),
                view.createdAt());
    }

    @Schema(name = "PublicUserEnvelope")
    record Envelope(PublicUserResponse user) {

        static Envelope of(UserView view) {
            return new Envelope(PublicUserResponse.of(view));
        }
    }
}
