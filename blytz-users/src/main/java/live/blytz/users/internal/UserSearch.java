package live.blytz.users.internal;

import live.blytz.sharedkernel.Role;
import org.jspecify.annotations.Nullable;

/** The admin list's filters: free text over e-mail and names, role, status; each optional. */
public record UserSearch(@Nullable String q, @Nullable Role role, @Nullable AccountStatus status, UserSort sort) {
}
