package live.blytz.users.internal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.internal.Caller;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller from a verified access token: {@code sub} is the user id, {@code roles} their role. */
final class Callers {

    private Callers() {
    }

    static Caller from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        // One role per account; should a token carry several, the most powerful one is the account's role.
        Role role = roles == null ? Role.BUYER : roles.stream()
                .map(code -> {
                    try {
                        return Role.fromCode(code.toLowerCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(Role.BUYER);
        return new Caller(UserId.of(jwt.getSubject()), role, jwt.getClaimAsString("email"));
    }
}
