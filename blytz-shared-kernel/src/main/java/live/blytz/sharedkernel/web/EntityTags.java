package live.blytz.sharedkernel.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A resource's {@code version} as an HTTP entity tag ({@code "3"}), for {@code ETag} and {@code If-Match}
 * (RFC 9110). The tag is strong: {@code If-Match} compares strongly, and the version changes with every change of
 * the resource's own data (counters kept beside it, such as a product's views, are not part of it). A weak
 * {@code W/"3"} is accepted back too, in case an intermediary weakened the tag. Anything else, including {@code *}
 * or a list, is a 400, so a client that means to state a version can never silently skip the check.
 * The policy around it is {@link ExpectedVersion}.
 */
public final class EntityTags {

    /** Wording shared by the API documentation of every versioned resource. */
    public static final String ETAG_DOC = "The resource's `version` as a strong entity tag, e.g. \"3\"; send it back "
            + "as If-Match to change exactly this version";
    public static final String IF_MATCH_DOC = "Optional: the ETag of the version this change is based on, e.g. \"3\" "
            + "(W/\"3\" is accepted); a stale one is a 409. Same meaning as `version` in the body; if both are sent "
            + "they must agree (else 400)";

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
