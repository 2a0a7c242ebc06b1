package live.blytz.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.blytz.platform.web.ProblemResponseWriter;
import live.blytz.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem: the caller is known, and not allowed. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, ProblemResponseWriter.problem(request, HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, "Forbidden", "You are not allowed to do this"));
    }
}
