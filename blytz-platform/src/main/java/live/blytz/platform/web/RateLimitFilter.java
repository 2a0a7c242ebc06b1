package live.blytz.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimiter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-IP default limit, applied before authentication so that a flood is refused at the cheapest point.
 * Health probes are exempt: a load balancer must always be able to ask.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final ClientAddressResolver clients;
    private final ProblemResponseWriter problems;

    RateLimitFilter(RateLimiter limiter, RateLimitPolicy policy, ClientAddressResolver clients, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.policy = policy;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = limiter.tryAcquire(policy, clients.of(request).key());
        RateLimitHeaders.apply(response, decision);
        if (!decision.allowed()) {
            problems.write(request, response, RateLimitHeaders.tooManyRequests(request, decision));
            return;
        }
        chain.doFilter(request, response);
    }
}
