package live.blytz.auth.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session as its owner sees it; {@code current} marks the one the request's token belongs to. */
public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        @Nullable String userAgent, @Nullable String ip, boolean current) {

    static SessionView of(SessionStore.Session session, boolean current, Instant expiresAt) {
        return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), expiresAt,
                session.userAgent(), session.ip(), current);
    }
}
