package live.blytz.sharedkernel.paging;

import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;

/**
 * A 1-based page of {@code pageSize} items. Out-of-range values are refused (400), never silently replaced,
 * so that a client's bug shows up instead of returning data it did not ask for.
 */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new FieldError("page", "must be at least 1"));
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            errors.add(new FieldError("page_size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static PageRequest of(Integer page, Integer pageSize) {
        return new PageRequest(page == null ? 1 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
