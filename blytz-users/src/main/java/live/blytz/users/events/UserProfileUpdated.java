package live.blytz.users.events;

import java.time.Instant;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A person's public face changed (or was first created), so that other modules can show seller names
 * without calling the users module. {@code profileVersion} orders updates of one profile.
 */
public record UserProfileUpdated(
        UserId userId,
        long profileVersion,
        Instant occurredAt,
        String displayName,
        @Nullable String avatarUrl) {
}
