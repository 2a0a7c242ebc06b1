package live.blytz.users.internal;

import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as the verified access token says: enough to build a profile on first access before
 * auth's {@code UserRegistered} event has reached this module (ADR 0010). The token may carry no e-mail.
 */
public record Caller(UserId id, Role role, @Nullable String email) {
}
