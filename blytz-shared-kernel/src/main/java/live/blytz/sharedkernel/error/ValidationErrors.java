package live.blytz.sharedkernel.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects the failing fields of several checks of one request, so that they are refused together in one
 * {@link ValidationException} instead of one per attempt.
 */
public final class ValidationErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(FieldError error) {
        errors.add(error);
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /** Runs a check that throws {@link ValidationException}: its result, or null with its errors collected. */
    public <T> @Nullable T collect(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
