package live.blytz.sharedkernel.error;

/** The request clashes with the current state: a duplicate, an illegal state transition, a stale version (409). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
