package live.blytz.users.internal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumMap;
import java.util.Map;
import live.blytz.sharedkernel.text.MultiLine;
import live.blytz.users.internal.ProfileField;
import live.blytz.users.internal.ProfileRules;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /users/me}: only the fields a person owns. Anything else ({@code email}, {@code role},
 * {@code status}, {@code id}, or an unknown name) is refused by Jackson as an unknown property, a 400 naming it.
 * The setters record which fields were sent, so that an absent field is left alone while {@code null} clears it
 * (a record cannot tell an absent field from a null one).
 */
@Schema(name = "UpdateProfileRequest", description = """
        A partial update (merge-patch semantics): a field left out stays as it is; null or "" clears it. \
        `version` (or the If-Match header), optional, is the profile version the edit is based on.""")
final class UpdateProfileRequest {

    private @Nullable Long version;
    private final Map<ProfileField, @Nullable String> sent = new EnumMap<>(ProfileField.class);

    @Schema(description = "Given name", maxLength = ProfileRules.MAX_NAME, nullable = true, example = "Ada")
    @JsonProperty("first_name")
    void setFirstName(@Nullable String value) {
        sent.put(ProfileField.FIRST_NAME, value);
    }

    @Schema(description = "Family name", maxLength = ProfileRules.MAX_NAME, nullable = true, example = "Lovelace")
    @JsonProperty("last_name")
    void setLastName(@Nullable String value) {
        sent.put(ProfileField.LAST_NAME, value);
    }

    @Schema(description = "The name others see; null derives it from the names (\"Ada L.\")",
            minLength = ProfileRules.MIN_DISPLAY_NAME, maxLength = ProfileRules.MAX_DISPLAY_NAME, nullable = true,
            example = "Ada L.")
    @JsonProperty("display_name")
    void setDisplayName(@Nullable String value) {
        sent.put(ProfileField.DISPLAY_NAME, value);
    }

    @Schema(description = "An http(s) URL of the avatar image", maxLength = ProfileRules.MAX_AVATAR_URL, nullable = true,
            example = "https://cdn.blytz.live/avatars/ada.png")
    @JsonProperty("avatar_url")
    void setAvatarUrl(@Nullable String value) {
        sent.put(ProfileField.AVATAR_URL, value);
    }

    @Schema(description = "International phone number; normalised to E.164", nullable = true,
            example = "+44 20 7946 0958")
    @JsonProperty("phone")
    void setPhone(@Nullable String value) {
        sent.put(ProfileField.PHONE, value);
    }

    @Schema(description = "Plain text, no markup", maxLength = ProfileRules.MAX_BIO, nullable = true)
    @JsonProperty("bio")
    @MultiLine
    void setBio(@Nullable String value) {
        sent.put(ProfileField.BIO, value);
    }

    @Schema(description = "Optional: the version of the profile this edit is based on (or send If-Match); a stale "
            + "one is a 409", example = "3")
    @JsonProperty("version")
    void setVersion(Long value) {
        version = value;
    }

    /** The profile fields the caller sent, with the values sent (null = clear). */
    Map<ProfileField, @Nullable String> sentFields() {
        return sent;
    }

    @Nullable Long version() {
        return version;
    }
}
