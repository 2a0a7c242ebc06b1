package live.blytz.sharedkernel.error;

import java.util.Map;

/**
 * The request clashes with the current state: a duplicate, an illegal state transition, a stale version (409).
 * {@link #details()} are facts the client needs to act on it (a losing bid's current price and minimum next bid),
 * added to the problem as members of their own.
 */
public final class ConflictException extends DomainException {

    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
