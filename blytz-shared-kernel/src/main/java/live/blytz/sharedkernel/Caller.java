package live.blytz.sharedkernel;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as the verified access token says: the user, their roles, the e-mail address if the token
 * carries one, and the session the token belongs to. The application builds it once per request from the token
 * (the only place that reads the {@code roles} claim) and hands it to any controller that declares a
 * {@code Caller} parameter ({@code @Nullable Caller} where anonymous callers are welcome).
 */
public record Caller(UserId id, Set<Role> roles, @Nullable String email, @Nullable UUID sessionId) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller with the roles whose codes the token lists; a code that is not exactly a role's is ignored. */
    public static Caller of(UserId id, Collection<String> roleCodes, @Nullable String email, @Nullable UUID sessionId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleCodes.forEach(code -> Codes.find(Role.class, code).ifPresent(roles::add));
        return new Caller(id, roles, email, sessionId);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** The most powerful of the caller's roles ({@code buyer} when the token lists none): an account has one. */
    public Role role() {
        return roles.stream().max(Enum::compareTo).orElse(Role.BUYER);
    }

    /** True when the caller may see and change what {@code owner} owns: the owner itself, or an admin. */
    public boolean mayManage(UserId owner) {
        return isAdmin() || id.equals(owner);
    }
}
