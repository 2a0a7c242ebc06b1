package live.blytz.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.error.UnauthorizedException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller the {@link Caller} of the request's verified access token. A {@code @Nullable Caller} is null
 * for an anonymous request; a non-null one on a route that lets anonymous callers in is a 401.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    // Whether a parameter is @Nullable never changes, and finding out is reflection: once per parameter.
    private final Map<MethodParameter, Boolean> optional = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public @Nullable Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
            NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Callers.of(token.getToken());
        }
        if (optional.computeIfAbsent(parameter, MethodParameter::isOptional)) {
            return null;
        }
        throw new UnauthorizedException("Authentication required");
    }
}
