package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import live.blytz.sharedkernel.store.RateLimitDecision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The {@code RateLimit-*} headers (IETF draft) and the 429 problem shared by the filter and the interceptor. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static void apply(HttpServletResponse response, RateLimitDecision decision) {
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(secondsUntilReset(decision)));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntilReset(decision)));
        }
    }

    static ProblemDetail tooManyRequests(HttpServletRequest request, RateLimitDecision decision) {
        return ProblemResponseWriter.problem(request, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many requests", "Rate limit exceeded; retry in " + secondsUntilReset(decision) + " seconds");
    }

    private static long secondsUntilReset(RateLimitDecision decision) {
        // Round up: "retry in 0 seconds" would invite an immediate, refused retry.
        return Math.max(1, (decision.resetAfter().toMillis() + 999) / 1000);
    }
}
