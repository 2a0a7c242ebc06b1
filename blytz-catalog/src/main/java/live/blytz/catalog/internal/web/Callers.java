package live.blytz.catalog.internal.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.blytz.catalog.internal.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller from the verified access token: {@code sub} is the user id, {@code roles} the roles. */
final class Callers {

    /** One strong or weak entity tag whose value is a version: at most 18 digits, so it always fits a long. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Callers() {
    }

    static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(UserId.of(jwt.getSubject()), roles != null && roles.contains(Role.ADMIN.code()));
    }

    static @Nullable Caller ofNullable(@Nullable Jwt jwt) {
        return jwt == null ? null : of(jwt);
    }

    /** {@code If-Match: "3"} or {@code W/"3"} → 3; the version the client expects to change. Nothing else is accepted. */
    static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw ValidationException.of("If-Match", "must be the product's version as an entity tag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
