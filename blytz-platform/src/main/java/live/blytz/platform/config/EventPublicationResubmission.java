package live.blytz.platform.config;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries event listeners that failed (e.g. while Redis or the database blipped) without waiting for a restart:
 * every {@code blytz.events.resubmit-interval}, publications still incomplete after {@code blytz.events.retry-after}
 * are handed to their listeners again. Listeners are idempotent, so a retry that races another instance's is
 * harmless.
 */
@Component
@EnableScheduling
class EventPublicationResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    EventPublicationResubmission(IncompleteEventPublications incomplete,
            @Value("${blytz.events.retry-after:1m}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${blytz.events.resubmit-interval:1m}",
            initialDelayString = "${blytz.events.resubmit-interval:1m}")
    void resubmitFailedPublications() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
    }
}
