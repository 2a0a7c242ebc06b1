package live.blytz.catalog.internal.web;

import java.util.List;
import live.blytz.catalog.internal.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller from the verified access token: {@code sub} is the user id, {@code roles} the roles. */
final class Callers {

    private Callers() {
    }

    static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(UserId.of(jwt.getSubject()), roles != null && roles.contains(Role.ADMIN.code()));
    }

    static @Nullable Caller ofNullable(@Nullable Jwt jwt) {
        return jwt == null ? null : of(jwt);
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}, or {@code 3}) → 3; the version the client expects to change. */
    static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "must be the product's version, e.g. \"3\"");
        }
    }
}
