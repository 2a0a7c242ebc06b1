package live.blytz.sharedkernel.error;

/** The caller's credentials are missing or wrong (401). One message for every cause: no enumeration. */
public final class UnauthorizedException extends DomainException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
