package live.blytz.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as a problem. Tomcat answers some requests before any filter or servlet runs: a bad
 * request line or {@code Host}, a header that is malformed, has control characters or is over
 * {@code server.max-http-request-header-size}, a path with {@code %2F}, {@code %5C}, {@code %00} or a bad escape.
 * Its stock valve wrote an HTML page for them, without the request id that {@link RequestIdFilter} (which never ran)
 * would have set; this one writes the same {@code application/problem+json} as the rest of the API, with
 * {@code X-Request-ID} and {@code request_id}, whatever the client accepts.
 * <p>
 * Tomcat refuses an HTTP version it does not speak with 505 and a transfer coding it does not know with 501.
 * Both are the client's mistake, and a 5xx says the server failed, so they are reported as 400.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemResponseWriter> problems;

    ProblemReportValve(ObjectProvider<ProblemResponseWriter> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // As the stock valve: only an error nobody has written a body for, on a connection that can still take one.
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = switch (response.getStatus()) {
            case 501, 505 -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.resolve(response.getStatus()) == null ? HttpStatus.BAD_REQUEST
                    : HttpStatus.valueOf(response.getStatus());
        };
        try {
            response.setHeader(RequestIds.HEADER, RequestIds.of(request));
            problems.getObject().write(request, response, StatusProblems.of(request, status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response cannot take a body any more: nothing left to report to.
        }
    }
}
