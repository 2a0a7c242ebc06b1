package live.blytz.auth.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import live.blytz.auth.internal.ClientInfo;
import live.blytz.sharedkernel.web.TrustedProxies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The client's address for login throttling and the sessions list, by the shared kernel's rule
 * ({@link TrustedProxies} over {@code blytz.web.trusted-proxies}), the same as the application's. The auth module
 * reads the setting itself rather than depend on the application, so that it can run as a service of its own.
 */
@Component
class ClientAddresses {

    private final TrustedProxies trustedProxies;

    ClientAddresses(@Value("${blytz.web.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = new TrustedProxies(trustedProxies);
    }

    ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(trustedProxies.clientIp(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
                request.getHeader(HttpHeaders.USER_AGENT));
    }
}
