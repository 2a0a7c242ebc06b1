package live.blytz.users.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The version an edit is based on, from the body's {@code version} or the {@code If-Match} header (the ETag
 * {@code "3"} that GET returned; a weak {@code W/"3"} is accepted too). One of them is required, so an edit
 * can never silently overwrite another; {@code If-Match: *} is refused for the same reason.
 */
final class ExpectedVersion {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?([0-9]{1,18})\"?$");

    private ExpectedVersion() {
    }

    static long of(@Nullable Long bodyVersion, @Nullable String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        Long headerVersion = null;
        if (ifMatch != null) {
            Matcher matcher = ETAG.matcher(ifMatch.strip());
            if (matcher.matches()) {
                headerVersion = Long.parseLong(matcher.group(1));
            } else {
                errors.add(new FieldError("If-Match", "must be the ETag of the profile, e.g. \"3\""));
            }
        }
        if (bodyVersion != null && bodyVersion < 0) {
            errors.add(new FieldError("version", "must not be negative"));
        }
        if (bodyVersion == null && ifMatch == null) {
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

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
