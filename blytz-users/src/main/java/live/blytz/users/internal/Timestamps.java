package live.blytz.users.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the database's precision, so that a value read back equals the one written. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
