package live.blytz.sharedkernel.error;

/**
 * A failure the caller can do something about. The web layer maps each subtype to an RFC 9457 problem
 * with the matching status; the message is written for the API's users and is safe to show them.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, ForbiddenException, ValidationException,
        UnauthorizedException, TooManyRequestsException, DependencyUnavailableException, AtCapacityException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
