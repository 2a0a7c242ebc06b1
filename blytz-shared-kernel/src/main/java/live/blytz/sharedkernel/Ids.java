package live.blytz.sharedkernel;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Generates identifiers: time-ordered UUIDv7 (RFC 9562), so new rows append to the end of b-tree indexes. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
