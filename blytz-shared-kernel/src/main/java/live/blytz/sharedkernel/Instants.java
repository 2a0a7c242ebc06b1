package live.blytz.sharedkernel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" as the database keeps it. PostgreSQL's {@code timestamptz} holds whole microseconds, so an instant taken
 * with nanoseconds would come back different from what was written: what a write returns from memory and what a
 * later read returns from the row would disagree.
 */
public final class Instants {

    private Instants() {
    }

    /** The clock's current instant, truncated to whole microseconds. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
