package live.blytz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.BlytzIntegrationTest;
import live.blytz.platform.web.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How a failed bearer authentication is answered: a token that could not be checked because a dependency is down
 * is a 503 with {@code Retry-After} (ADR 0006), not a 500 (the default handler rethrows) and not a 401 (which makes
 * clients drop valid tokens); a refused token stays a 401.
 */
@BlytzIntegrationTest
class BearerAuthenticationFailureTests {

    @Autowired
    ProblemResponseWriter problems;

    @Test
    void anUncheckableTokenIs503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = fail(new AuthenticationServiceException("store down",
                new IllegalStateException("redis")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(problems.retryAfter());
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("service-unavailable");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void aRefusedTokenIsStill401() throws Exception {
        MockHttpServletResponse response = fail(new InvalidBearerTokenException("bad"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    private MockHttpServletResponse fail(org.springframework.security.core.AuthenticationException e) throws Exception {
        AuthenticationFailureHandler handler = SecurityConfiguration.failureHandler(
                new ProblemAuthenticationEntryPoint(problems, request -> false));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/auth/sessions");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(request, response, e);
        return response;
    }
}
