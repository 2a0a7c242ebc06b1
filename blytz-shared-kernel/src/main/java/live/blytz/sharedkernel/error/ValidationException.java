package live.blytz.sharedkernel.error;

import java.util.List;

/** Input that breaks a rule (400); carries every failing field at once. */
public final class ValidationException extends DomainException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("The request is invalid");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
