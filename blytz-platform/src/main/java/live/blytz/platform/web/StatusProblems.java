package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem for a bare status code, set by the container or a filter rather than by a handler. */
final class StatusProblems {

    private StatusProblems() {
    }

    static ProblemDetail of(HttpServletRequest request, HttpStatus status) {
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side; quote the request id when you report it"
                : "The request could not be processed";
        return ProblemResponseWriter.problem(request, status, typeOf(status), status.getReasonPhrase(), detail);
    }

    private static URI typeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemTypes.NOT_ACCEPTABLE;
            case CONTENT_TOO_LARGE -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> ProblemTypes.RATE_LIMITED;
            case SERVICE_UNAVAILABLE -> ProblemTypes.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST;
        };
    }
}
