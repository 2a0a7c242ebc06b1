package live.blytz.sharedkernel.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A resource's {@code version} as an HTTP entity tag ({@code "3"}), for {@code ETag} and {@code If-Match}
 * (RFC 9110). Only a quoted version, strong or weak ({@code W/"3"}), is accepted back: anything else, including
 * {@code *}, is a 400, so an edit can never silently skip the optimistic-lock check.
 */
public final class EntityTags {

    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or null when the header is absent or blank. */
    public static @Nullable Long versionIn(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ValidationException.of("If-Match", "must be the version's entity tag from the ETag header, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
