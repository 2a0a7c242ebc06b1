package live.blytz.sharedkernel.error;

/** The resource does not exist, or the caller may not know that it does (404). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException(resource + " " + id + " was not found");
    }
}
