package live.blytz.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.blytz.platform.web.ProblemResponseWriter;
import live.blytz.platform.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem, with {@code WWW-Authenticate: Bearer} (RFC 6750). The detail says only whether a token was
 * missing or not accepted; why a token was refused is never told to the caller. A token that could not be checked
 * because a dependency is down ({@link AuthenticationServiceException}, e.g. the revocation store) is a 503 with
 * {@code Retry-After}, not a 401: the client must keep its token and retry (ADR 0006). A path no route has is a 404.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter problems;
    private final RequestMatcher unmapped;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, RequestMatcher unmapped) {
        this.problems = problems;
        this.unmapped = unmapped;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            problems.writeUnavailable(request, response);
            return;
        }
        if (unmapped.matches(request)) {
            problems.write(request, response, ProblemResponseWriter.noRoute(request));
            return;
        }
        boolean tokenRefused = e instanceof InvalidBearerTokenException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, ProblemResponseWriter.problem(request, HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHORIZED, "Unauthorized",
                tokenRefused ? "The access token is invalid, expired or revoked"
                        : "This endpoint needs a bearer access token"));
    }
}
