package live.blytz.users.internal.profile;

import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * A validated partial change of a profile: each field the caller sent, in its normal form. A field sent as null or
 * blank is cleared; a field not sent stays as it is.
 */
record ProfileEdit(Patch<String> firstName, Patch<String> lastName, Patch<String> displayName,
        Patch<String> avatarUrl, Patch<String> phone, Patch<String> bio) {

    /** Validates every sent field at once; a {@link ValidationException} lists all that fail. */
    static ProfileEdit of(Patch<String> firstName, Patch<String> lastName, Patch<String> displayName,
            Patch<String> avatarUrl, Patch<String> phone, Patch<String> bio) {
        List<FieldError> errors = new ArrayList<>();
        ProfileEdit edit = new ProfileEdit(
                normalised(ProfileField.FIRST_NAME, firstName, errors),
                normalised(ProfileField.LAST_NAME, lastName, errors),
                normalised(ProfileField.DISPLAY_NAME, displayName, errors),
                normalised(ProfileField.AVATAR_URL, avatarUrl, errors),
                normalised(ProfileField.PHONE, phone, errors),
                normalised(ProfileField.BIO, bio, errors));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return edit;
    }

    private static Patch<String> normalised(ProfileField field, Patch<String> sent, List<FieldError> errors) {
        return sent.map(value -> ProfileRules.normalise(field, value, errors));
    }
}
