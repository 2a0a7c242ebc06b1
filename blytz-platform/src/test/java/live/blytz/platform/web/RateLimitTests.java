package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Rate limits against the real Redis: named policies through HTTP, the per-IP filter, and windows that lift. */
@BlytzIntegrationTest
class RateLimitTests {

    @Autowired
    RestTestClient http;

    @Autowired
    RateLimiter limiter;

    @Autowired
    ClientAddressResolver clients;

    @Autowired
    ProblemResponseWriter problems;

    @Test
    void aNamedPolicyLimitsItsEndpointAndAnswers429WithHeaders() {
        // Loopback is a trusted proxy in the test profile: a fresh client address gets a fresh counter.
        String client = freshIpv6Network() + "1";
        for (int i = 1; i <= 3; i++) {
            http.get().uri("/test/probe/open/strict").header("X-Forwarded-For", client)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(3 - i));
        }
        http.get().uri("/test/probe/open/strict").header("X-Forwarded-For", client)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://api.blytz.live/problems/rate-limited");
    }

    @Test
    void anIpv6ClientIsLimitedOnItsSlash64NotPerAddress() {
        String network = freshIpv6Network();
        for (int host = 1; host <= 3; host++) {
            strictProbe(network + Integer.toHexString(host)).expectStatus().isOk();
        }
        // A fourth address of the same /64 is the same client; the next /64 is another one.
        strictProbe(network + "fff0:ffff:fffe").expectStatus().isEqualTo(429);
        strictProbe(freshIpv6Network() + "1").expectStatus().isOk();
    }

    @Test
    void everyForwardedForLineCountsAndTheWalkStartsFromTheRight() {
        String client = freshIpv6Network() + "1";
        // What a client writes itself comes first; the load balancer (loopback here) appends the real address in
        // a line of its own. Spoofed first lines must not give the client fresh counters.
        for (int i = 1; i <= 3; i++) {
            http.get().uri("/test/probe/open/strict")
                    .header("X-Forwarded-For", freshIpv6Network() + "1")
                    .header("X-Forwarded-For", client)
                    .exchange().expectStatus().isOk();
        }
        http.get().uri("/test/probe/open/strict")
                .header("X-Forwarded-For", freshIpv6Network() + "1")
                .header("X-Forwarded-For", client)
                .exchange().expectStatus().isEqualTo(429);
    }

    private RestTestClient.ResponseSpec strictProbe(String client) {
        return http.get().uri("/test/probe/open/strict").header("X-Forwarded-For", client).exchange();
    }

    /** A documentation /64 ({@code 2001:db8:x:y::/64}) no other test uses, ending in "::" for a host part. */
    private static String freshIpv6Network() {
        int bits = Ids.newId().hashCode();
        return "2001:db8:" + Integer.toHexString(bits >>> 16) + ":" + Integer.toHexString(bits & 0xffff) + "::";
    }

    @Test
    void theLimitLiftsWhenTheWindowEnds() throws InterruptedException {
        RateLimitPolicy policy = new RateLimitPolicy("lift-" + Ids.newId(), 1, Duration.ofMillis(300));
        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
        RateLimitDecision refused = limiter.tryAcquire(policy, "k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.resetAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        Thread.sleep(refused.resetAfter().toMillis() + 50);
        assertThat(limiter.tryAcquire(policy, "k").allowed()).isTrue();
    }

    @Test
    void keysAreCountedSeparately() {
        RateLimitPolicy policy = new RateLimitPolicy("sep-" + Ids.newId(), 1, Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire(policy, "a").allowed()).isTrue();
        assertThat(limiter.tryAcquire(policy, "a").allowed()).isFalse();
        assertThat(limiter.tryAcquire(policy, "b").allowed()).isTrue();
    }

    @Test
    void thePerIpFilterRefusesTheCallOverTheLimitAndLetsHealthThrough() throws Exception {
        RateLimitPolicy perIp = new RateLimitPolicy("ip-" + Ids.newId(), 2, Duration.ofMinutes(1));
        RateLimitFilter filter = new RateLimitFilter(limiter, perIp, clients, problems);

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(run(filter, "/api/v1/products").getStatus());
        }
        assertThat(statuses).containsExactly(200, 200, 429);
        MockHttpServletResponse health = run(filter, "/actuator/health/readiness");
        assertThat(health.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("203.0.113.9");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
