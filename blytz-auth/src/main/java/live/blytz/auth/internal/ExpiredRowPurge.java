package live.blytz.auth.internal;

import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes rows that can no longer be used, every {@code blytz.auth.purge.interval}, in batches of {@code batch-size}
 * rows, each its own statement, so no long transaction holds locks. Several instances may run it at once: rows being
 * deleted by one are skipped by the others ({@code FOR UPDATE SKIP LOCKED}).
 */
public abstract class ExpiredRowPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowPurge.class);

    private final AuthProperties.Purge settings;

    protected ExpiredRowPurge(AuthProperties properties) {
        this.settings = properties.purge();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeSafely, settings.interval());
    }

    /** One run; returns the number of rows deleted. */
    protected abstract long purge();

    /** Deletes batches until one comes back short; returns the number of rows deleted. */
    protected long inBatches(IntUnaryOperator deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch.applyAsInt(settings.batchSize());
            total += deleted;
        } while (deleted == settings.batchSize());
        return total;
    }

    private void purgeSafely() {
        try {
            long deleted = purge();
            if (deleted > 0) {
                log.debug("{} deleted {} rows", getClass().getSimpleName(), deleted);
            }
        } catch (DataAccessException e) {
            log.warn("{} failed; retrying in {}: {}", getClass().getSimpleName(), settings.interval(), e.getMessage());
        }
    }
}
