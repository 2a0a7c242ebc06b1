package live.blytz.sharedkernel.error;

/** The resource does not exist, or the caller may not know that it does (404). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    /** @param id the id or name the client asked for, quoted {@link Echo bounded} */
    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException(resource + " " + Echo.of(id) + " was not found");
    }
}
