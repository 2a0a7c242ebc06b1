package live.blytz.platform.security;

import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/** The one reader of an access token's claims: {@code sub} is the user, {@code roles} the role codes, {@code sid} the session. */
final class Callers {

    private Callers() {
    }

    static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return Caller.of(UserId.of(jwt.getSubject()), roles == null ? List.of() : roles, jwt.getClaimAsString("email"),
                session(jwt.getClaimAsString("sid")));
    }

    private static @Nullable UUID session(@Nullable String sid) {
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
