package live.blytz.users;

import java.time.Instant;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/** What anyone may see of a person: never their e-mail or phone. */
public record PublicProfile(
        UserId id,
        String displayName,
        @Nullable String avatarUrl,
        @Nullable String bio,
        Role role,
        Instant createdAt) {
}
