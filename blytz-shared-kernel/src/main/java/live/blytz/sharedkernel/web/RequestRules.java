package live.blytz.sharedkernel.web;

import java.util.List;
import live.blytz.sharedkernel.error.FieldError;

/**
 * The domain rules a request body of type {@code T} must pass besides its Bean Validation constraints, offered to
 * the web layer so that a body failing both is refused with one 400 that lists every failing field, not the
 * constraint violations first and the domain's problems on the next try. The web layer asks only for a body that
 * Bean Validation already refused: values may be missing (null) or malformed, and are then skipped. A body that
 * passes Bean Validation is checked by the services as they act on it, as usual.
 */
public interface RequestRules<T> {

    /** The fields of {@code request} the domain refuses, named as the client sent them. */
    List<FieldError> problems(T request);
}
