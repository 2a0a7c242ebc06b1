package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.store.RateLimitDecision;
import live.blytz.sharedkernel.store.RateLimitPolicy;
import live.blytz.sharedkernel.store.RateLimited;
import live.blytz.sharedkernel.store.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces the named policy of a handler annotated {@link RateLimited}, per client IP. */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;
    private final Map<String, RateLimitPolicy> policies;
    // Resolving merged annotations on every request is wasted work: a handler's policy never changes.
    private final Map<Method, Optional<String>> policyNames = new ConcurrentHashMap<>();
    private final ClientAddressResolver clients;
    private final ProblemResponseWriter problems;

    RateLimitInterceptor(RateLimiter limiter, RateLimitProperties properties, ClientAddressResolver clients,
            ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.policies = properties.policies().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().toPolicy(e.getKey())));
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String name = policyNames.computeIfAbsent(method.getMethod(), m -> Optional.ofNullable(policyName(method)))
                .orElse(null);
        if (name == null) {
            return true;
        }
        // Every name is known: WebConfiguration refuses to start with an unconfigured policy.
        RateLimitPolicy policy = policies.get(name);
        RateLimitDecision decision = limiter.tryAcquire(policy, clients.of(request).key());
        RateLimitHeaders.apply(response, decision);
        if (!decision.allowed()) {
            problems.write(request, response, RateLimitHeaders.tooManyRequests(request, decision));
            return false;
        }
        return true;
    }

    /** The policy named by {@link RateLimited} on the method or its controller, or null. */
    static @Nullable String policyName(HandlerMethod method) {
        RateLimited annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
        }
        return annotation == null ? null : annotation.value();
    }
}
