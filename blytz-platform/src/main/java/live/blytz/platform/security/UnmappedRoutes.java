package live.blytz.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Requests whose path no route of the application has. Security lets them through to Spring MVC, whose 404
 * problem is then the answer for every caller: without this, {@code anyRequest().authenticated()} (and every
 * module's prefix rule) answered an anonymous caller 401 for a route that does not exist. Nothing but the 404
 * runs for such a request, so letting it through grants nothing. A path that has a route, even only for another
 * method or media type, is not matched here: that route's rules decide, so a real route is never opened up; and
 * when the lookup itself fails, the request counts as routed.
 */
final class UnmappedRoutes implements RequestMatcher {

    private final HandlerMappingIntrospector handlers;

    UnmappedRoutes(HandlerMappingIntrospector handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        try {
            return handlers.getMatchableHandlerMapping(request) == null;
        } catch (Exception routedForAnotherMethodOrUnknown) {
            return false;
        }
    }
}
