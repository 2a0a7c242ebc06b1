package live.blytz.auth.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.auth.internal.ExpiredRowPurge;
import org.springframework.stereotype.Component;

/**
 * Deletes sessions that ended more than the idle timeout ago (with their refresh tokens), and refresh tokens spent
 * more than the idle timeout ago. A spent refresh token is kept that long so that its reuse still revokes its
 * session (RFC 9700); one presented after that is refused as unknown, without ending the session (ADR 0016).
 */
@Component
class SessionPurge extends ExpiredRowPurge {

    private final SessionRepository sessions;
    private final Duration retention;
    private final Clock clock;

    SessionPurge(SessionRepository sessions, AuthProperties properties, Clock clock) {
        super(properties);
        this.sessions = sessions;
        this.retention = properties.sessions().idleTimeout();
        this.clock = clock;
    }

    @Override
    protected long purge() {
        Instant before = clock.instant().minus(retention);
        return inBatches(batch -> sessions.deleteEnded(before, batch))
                + inBatches(batch -> sessions.deleteSpentRefreshTokens(before, batch));
    }
}
