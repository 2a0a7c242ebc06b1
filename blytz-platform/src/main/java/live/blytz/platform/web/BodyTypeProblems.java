package live.blytz.platform.web;

import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.error.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import tools.jackson.core.TokenStreamLocation;

/**
 * The values of one request body that had the wrong JSON type, each with its JSON path and the API's message. The
 * body is read to the end regardless ({@link TypeProblemModule}); they are then reported in the same 400 as Bean
 * Validation's and the domain rules' findings ({@link RequestRulesBinding}, {@link ProblemDetailsAdvice}).
 */
final class BodyTypeProblems {

    private static final String ATTRIBUTE = BodyTypeProblems.class.getName();

    private final List<FieldError> problems = new ArrayList<>();
    private @Nullable TokenStreamLocation lastValue;

    void add(String path, String message, TokenStreamLocation value) {
        problems.add(new FieldError(path, message));
        lastValue = value;
    }

    /** Whether the value starting there was the last one recorded (and so read as a stand-in null). */
    boolean replaced(TokenStreamLocation value) {
        return value.equals(lastValue);
    }

    List<FieldError> all() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void attachTo(RequestAttributes request) {
        request.setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
    }

    /** The problems of the body read in this request, or null when it had none (or none was read). */
    static @Nullable BodyTypeProblems of(RequestAttributes request) {
        return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof BodyTypeProblems found
                && !found.isEmpty() ? found : null;
    }
}
