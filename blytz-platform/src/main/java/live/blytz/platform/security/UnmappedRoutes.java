package live.blytz.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Requests whose path no route of the application has. When security refuses such a request it answers the same
 * 404 problem as Spring MVC would, for every caller: without this, {@code anyRequest().authenticated()} (and every
 * module's prefix rule) answered an anonymous caller 401 for a route that does not exist. It is asked only on
 * that refusal path, so a routed request never pays for a second handler lookup. A path that has a route, even only for another
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
