package live.blytz.sharedkernel.web;

import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The one concurrency policy of every mutable resource (profiles, products, categories). A change may state the
 * version it is based on, as {@code version} in the body or as {@code If-Match} (the {@code ETag} that every read
 * and write returns, see {@link EntityTags}); both are optional. Stated twice, they must agree (else 400). A stated
 * version that is not the current one is a 409, so an edit made on stale data never silently overwrites another;
 * an edit without one applies to whatever is current (last write wins, but each write is still atomic).
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** The version the change is based on, or null when the client stated none. */
    public static @Nullable Long of(@Nullable Long bodyVersion, @Nullable String ifMatch) {
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
        if (bodyVersion != null && headerVersion != null && !bodyVersion.equals(headerVersion)) {
            errors.add(new FieldError("version", "disagrees with the If-Match header; send one or make them equal"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return bodyVersion != null ? bodyVersion : headerVersion;
    }

    /** Refuses (409) a change based on {@code expected} when the resource is at {@code current}; none stated passes. */
    public static void check(@Nullable Long expected, long current, String resource) {
        if (expected != null && expected != current) {
            throw new ConflictException("The " + resource + " is at version " + current + ", not " + expected
                    + "; reload it and apply your change again");
        }
    }
}
