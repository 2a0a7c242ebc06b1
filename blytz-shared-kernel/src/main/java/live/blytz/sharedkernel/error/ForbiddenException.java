package live.blytz.sharedkernel.error;

/** The caller is known but not allowed to do this (403). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
