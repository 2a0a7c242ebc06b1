package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.ClientAddresses;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The client behind a request, by the shared kernel's {@link ClientAddresses} rule over {@code blytz.web.*}:
 * resolved once per request (the rate-limit filter asks first) and handed to any controller that declares a
 * {@link ClientAddress} parameter.
 */
@Component
class ClientAddressResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    private final ClientAddresses addresses;

    ClientAddressResolver(WebProperties properties) {
        this.addresses = new ClientAddresses(properties.trustedProxies(), properties.ipv6ClientPrefix());
    }

    ClientAddress of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ClientAddress resolved) {
            return resolved;
        }
        ClientAddress client = addresses.resolve(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        request.setAttribute(ATTRIBUTE, client);
        return client;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ClientAddress.class;
    }

    @Override
    public ClientAddress resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        return of(request.getNativeRequest(HttpServletRequest.class));
    }
}
