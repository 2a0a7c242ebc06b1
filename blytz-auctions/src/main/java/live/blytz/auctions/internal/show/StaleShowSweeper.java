package live.blytz.auctions.internal.show;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends, every minute on every instance, the shows their sellers never started ({@code blytz.auctions.shows.stale-after}
 * past their start): they would be listed as upcoming for ever and keep their lots' products reserved.
 */
@Component
class StaleShowSweeper {

    private static final Logger log = LoggerFactory.getLogger(StaleShowSweeper.class);

    private final ShowService shows;

    StaleShowSweeper(ShowService shows) {
        this.shows = shows;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        try {
            shows.endStale();
        } catch (RuntimeException e) {
            // The database may be down (ADR 0022): the next run tries again.
            log.warn("Ending stale shows failed: {}", e.toString());
        }
    }
}
