package live.blytz.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind the request. {@code X-Forwarded-For} is believed only when the request
 * comes from a configured trusted proxy, and then read from the right, skipping further trusted proxies:
 * the first untrusted hop is the client. Anyone else could write any address into that header.
 */
@Component
public class ClientIpResolver {

    // Only IP literals are ever matched: a host name in the header must not trigger a DNS lookup.
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    ClientIpResolver(WebProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public String clientIp(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remote;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private boolean isTrusted(String address) {
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
