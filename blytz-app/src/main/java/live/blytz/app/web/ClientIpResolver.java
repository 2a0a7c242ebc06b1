package live.blytz.app.web;

import jakarta.servlet.http.HttpServletRequest;
import live.blytz.sharedkernel.web.TrustedProxies;
import org.springframework.stereotype.Component;

/** The address of the client behind a request, by the rule of {@link TrustedProxies} and {@code blytz.web.trusted-proxies}. */
@Component
class ClientIpResolver {

    private final TrustedProxies trustedProxies;

    ClientIpResolver(WebProperties properties) {
        this.trustedProxies = new TrustedProxies(properties.trustedProxies());
    }

    String clientIp(HttpServletRequest request) {
        return trustedProxies.clientIp(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
