package live.blytz.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.blytz.platform.web.ProblemResponseWriter;
import live.blytz.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem: the caller is known, and not allowed (404 when the path has no route at all). */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;
    private final RequestMatcher unmapped;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems, RequestMatcher unmapped) {
        this.problems = problems;
        this.unmapped = unmapped;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (unmapped.matches(request)) {
            problems.write(request, response, ProblemResponseWriter.noRoute(request));
            return;
        }
        problems.write(request, response, ProblemResponseWriter.problem(request, HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, "Forbidden", "You are not allowed to do this"));
    }
}
