package live.blytz.users.internal.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.PersonNames;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /users/me}: only the fields a person owns. Anything else ({@code email}, {@code role},
 * {@code status}, {@code id}, or an unknown name) is refused by Jackson as an unknown property, a 400 naming it.
 * Each setter records its field as sent, so that an absent field is left alone while {@code null} clears it.
 */
@Schema(name = "UpdateProfileRequest", description = """
        A partial update (merge-patch semantics): a field left out stays as it is; null or "" clears it. \
        `version` (or the If-Match header), optional, is the profile version the edit is based on.""")
final class UpdateProfileRequest {

    private @Nullable Long version;
    private Patch<String> firstName = Patch.absent();
    private Patch<String> lastName = Patch.absent();
    private Patch<String> displayName = Patch.absent();
    private Patch<String> avatarUrl = Patch.absent();
    private Patch<String> phone = Patch.absent();
    private Patch<String> bio = Patch.absent();

    @Schema(description = "Given name", maxLength = PersonNames.MAX_NAME, nullable = true, example = "Ada")
    @JsonProperty("first_name")
    void setFirstName(@Nullable String value) {
        firstName = Patch.of(value);
    }

    @Schema(description = "Family name", maxLength = PersonNames.MAX_NAME, nullable = true, example = "Lovelace")
    @JsonProperty("last_name")
    void setLastName(@Nullable String value) {
        lastName = Patch.of(value);
    }

    @Schema(description = "The name others see; null derives it from the names (\"Ada L.\")",
            minLength = ProfileRules.MIN_DISPLAY_NAME, maxLength = ProfileRules.MAX_DISPLAY_NAME, nullable = true,
            example = "Ada L.")
    @JsonProperty("display_name")
    void setDisplayName(@Nullable String value) {
        displayName = Patch.of(value);
    }

    @Schema(description = "An http(s) URL of the avatar image", maxLength = HttpUrls.MAX_LENGTH, nullable = true,
            example = "https://cdn.blytz.live/avatars/ada.png")
    @JsonProperty("avatar_url")
    void setAvatarUrl(@Nullable String value) {
        avatarUrl = Patch.of(value);
    }

    @Schema(description = "International phone number; normalised to E.164", nullable = true,
            example = "+44 20 7946 0958")
    @JsonProperty("phone")
    void setPhone(@Nullable String value) {
        phone = Patch.of(value);
    }

    @Schema(description = "Plain text, no markup", maxLength = ProfileRules.MAX_BIO, nullable = true)
    @JsonProperty("bio")
    @MultiLine
    void setBio(@Nullable String value) {
        bio = Patch.of(value);
    }

    @Schema(description = "Optional: the version of the profile this edit is based on (or send If-Match); a stale "
            + "one is a 409", example = "3")
    @JsonProperty("version")
    void setVersion(Long value) {
        version = value;
    }

    /** The edit as sent, validated: a {@code ValidationException} lists every invalid field. */
    ProfileEdit edit() {
        return ProfileEdit.of(firstName, lastName, displayName, avatarUrl, phone, bio);
    }

    @Nullable Long version() {
        return version;
    }
}
