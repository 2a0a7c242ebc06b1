package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Problems for callers that send a token: only the assembled application verifies one (auth's decoder), so these
 * live here, the rest of the problem details with the platform ({@code ProblemDetailsTests}). No client value is
 * echoed unbounded.
 */
@BlytzIntegrationTest
class CallerProblemDetailsTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    RestTestClient http;

    @Test
    void anAuthenticatedCallerWithoutTheRoleIsA403() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.get().uri("/test/probe/admin").header("Authorization", buyer.bearer())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/forbidden");
        http.get().uri("/actuator/modulith").header("Authorization", buyer.bearer())
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anAdminReachesAdminRoutesAndTheModulithEndpoint() {
        TestAccounts.Account admin = new TestAccounts(http).admin();
        http.get().uri("/test/probe/admin").header("Authorization", admin.bearer()).exchange().expectStatus().isOk();
        http.get().uri("/actuator/modulith").header("Authorization", admin.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.catalog").exists();
    }

    @Test
    void anUnknownApiRouteIsA404ForAnAuthenticatedCaller() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.get().uri("/api/v1/no-such-resource").header("Authorization", buyer.bearer())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void aGarbageTokenIsA401() {
        http.get().uri("/test/probe/admin").header("Authorization", "Bearer not.a.jwt")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownRouteIsNotEchoedWhole() {
        TestAccounts.Account buyer = new TestAccounts(http).register(Role.BUYER);
        http.get().uri("/api/v1/" + "a".repeat(4_000)).header("Authorization", buyer.bearer())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("No endpoint GET /api/v1/aaa").hasSizeLessThan(150));
    }
}
