package live.blytz.sharedkernel.error;

/** A dependency the request needs (database, Redis, mail) is down (503). */
public final class DependencyUnavailableException extends DomainException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
