package live.blytz.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes what can no longer be used, every {@code blytz.auth.purge.interval}: sessions that ended more than the idle
 * timeout ago (with their refresh tokens), refresh tokens spent more than the idle timeout ago, and mailed tokens
 * that were used or have expired. In batches of {@code batch-size} rows, each its own statement, so no long
 * transaction holds locks; several instances may run it at once, since rows being deleted by one are skipped by the
 * others ({@code FOR UPDATE SKIP LOCKED}).
 * <p>
 * A spent refresh token is kept for the idle timeout so that its reuse still revokes its session (RFC 9700); one
 * presented after that is refused as unknown, without ending the session (ADR 0016).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiredTokenPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokenPurge.class);

    private final SessionStore sessions;
    private final OneTimeTokens oneTimeTokens;
    private final Duration retention;
    private final AuthProperties.Purge settings;
    private final Clock clock = Clock.systemUTC();

    ExpiredTokenPurge(SessionStore sessions, OneTimeTokens oneTimeTokens, AuthProperties properties) {
        this.sessions = sessions;
        this.oneTimeTokens = oneTimeTokens;
        this.retention = properties.sessions().idleTimeout();
        this.settings = properties.purge();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeSafely, settings.interval());
    }

    private void purgeSafely() {
        try {
            purge();
        } catch (DataAccessException e) {
            log.warn("Purging ended sessions and used tokens failed; retrying in {}: {}", settings.interval(),
                    e.getMessage());
        }
    }

    /** One purge run; returns the number of rows deleted. */
    long purge() {
        Instant before = clock.instant().minus(retention);
        long deleted = inBatches(batch -> sessions.deleteEnded(before, batch))
                + inBatches(batch -> sessions.deleteSpentRefreshTokens(before, batch))
                + inBatches(oneTimeTokens::deleteUsedOrExpired);
        if (deleted > 0) {
            log.debug("Purged {} ended sessions, spent refresh tokens and used or expired mailed tokens", deleted);
        }
        return deleted;
    }

    private long inBatches(IntUnaryOperator deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch.applyAsInt(settings.batchSize());
            total += deleted;
        } while (deleted == settings.batchSize());
        return total;
    }
}
