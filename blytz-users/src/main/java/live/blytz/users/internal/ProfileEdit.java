package live.blytz.users.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A validated partial change of a profile: only the fields the caller sent, each in its normal form.
 * A field sent as null or blank is cleared; a field not sent stays as it is.
 */
public final class ProfileEdit {

    private final Map<ProfileField, @Nullable String> changes;

    private ProfileEdit(Map<ProfileField, @Nullable String> changes) {
        this.changes = Collections.unmodifiableMap(changes);
    }

    /** Validates every sent field at once; a {@link ValidationException} lists all that fail. */
    public static ProfileEdit of(Map<ProfileField, @Nullable String> sent) {
        List<FieldError> errors = new ArrayList<>();
        Map<ProfileField, @Nullable String> normalised = new EnumMap<>(ProfileField.class);
        sent.forEach((field, raw) -> normalised.put(field, ProfileRules.normalise(field, raw, errors)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProfileEdit(normalised);
    }

    Set<ProfileField> fields() {
        return changes.keySet();
    }

    @Nullable String value(ProfileField field) {
        return changes.get(field);
    }
}
