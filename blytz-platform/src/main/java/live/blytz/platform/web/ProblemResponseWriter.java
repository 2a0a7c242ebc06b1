package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import live.blytz.platform.resilience.CircuitBreakers;
import live.blytz.sharedkernel.error.Echo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every problem the API returns, and writes it where no controller advice can: in servlet filters
 * and the security chain (401, 403, 413, 429, 503).
 */
@Component
public class ProblemResponseWriter {

    private final JsonMapper json;
    private final CircuitBreakers breakers;

    ProblemResponseWriter(JsonMapper json, CircuitBreakers breakers) {
        this.json = json;
        this.breakers = breakers;
    }

    /** A problem with the standard members, {@code instance} and the request id filled in. */
    public static ProblemDetail problem(HttpServletRequest request, HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        decorate(problem, request);
        return problem;
    }

    /** Adds what every Blytz problem carries: {@code instance} (the request path) and {@code request_id}. */
    public static void decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request.getRequestURI() != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException unparseablePath) {
                // A path no URI can hold: the problem goes out without an instance rather than not at all.
            }
        }
        problem.setProperty("request_id", RequestIds.of(request));
    }

    /** The 404 of a path or method no route has, for every caller (ADR 0018). */
    public static ProblemDetail noRoute(HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No endpoint " + Echo.of(request.getMethod()) + " " + Echo.of(request.getRequestURI()));
    }

    /** The 503 of every dependency outage (ADR 0022); send it with {@link #retryAfter()}. */
    public static ProblemDetail unavailable(HttpServletRequest request) {
        return problem(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                "A service this request needs is unavailable; try again shortly");
    }

    /**
     * {@code Retry-After} of a 503 for an outage, in whole seconds: how long a circuit breaker stays open before
     * it lets a probe through, so a retry is the first request that can find the dependency back.
     */
    public String retryAfter() {
        return Long.toString(Math.max(1, (breakers.retryAfter().toMillis() + 999) / 1000));
    }

    /** Writes the outage 503 with its {@code Retry-After}, where no controller advice can (filters, security). */
    public void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter());
        write(request, response, unavailable(request));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter, the same as the MVC-written problems.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
