package live.blytz.catalog.internal.web;

import java.util.List;
import live.blytz.catalog.internal.Caller;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
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
}
