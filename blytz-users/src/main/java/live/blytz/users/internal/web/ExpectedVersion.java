package live.blytz.users.internal.web;

import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.EntityTags;
import org.jspecify.annotations.Nullable;

/**
 * The version an edit is based on, from the body's {@code version} or the {@code If-Match} header (the ETag
 * {@code "3"} that GET returned; a weak {@code W/"3"} is accepted too). One of them is required, so an edit
 * can never silently overwrite another; {@code If-Match: *} is refused for the same reason.
 */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    static long of(@Nullable Long bodyVersion, @Nullable String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        Long headerVersion = null;
        try {
            headerVersion = EntityTags.versionIn(ifMatch);
        } catch (ValidationException malformed) {
            errors.addAll(malformed.errors());
        }
        if (bodyVersion != null && bodyVersion < 0) {
            errors.add(new FieldError("version", "must not be negative"));
        }
        if (bodyVersion == null && (ifMatch == null || ifMatch.isBlank())) {
            errors.add(new FieldError("version", "is required: send the version you edited, or an If-Match header"));
        }
        if (bodyVersion != null && headerVersion != null && !bodyVersion.equals(headerVersion)) {
            errors.add(new FieldError("version", "disagrees with the If-Match header"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return bodyVersion != null ? bodyVersion : headerVersion;
    }
}
