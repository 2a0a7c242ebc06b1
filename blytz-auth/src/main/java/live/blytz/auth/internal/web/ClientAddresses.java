package live.blytz.auth.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import live.blytz.auth.internal.ClientInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The client's address for login throttling and the sessions list, by the application's rule
 * ({@code blytz.web.trusted-proxies}): {@code X-Forwarded-For} counts only when the peer is a trusted proxy,
 * read from the right. The auth module reads the same setting rather than depend on the application, so that
 * it can run as a service of its own.
 */
@Component
class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(@Value("${blytz.web.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(IpAddressMatcher::new).toList();
    }

    ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(ip(request), request.getHeader(HttpHeaders.USER_AGENT));
    }

    private String ip(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trusted(remote) || forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remote;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean trusted(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
