package live.blytz.auth.internal.session;

import live.blytz.sharedkernel.web.ClientAddress;
import org.jspecify.annotations.Nullable;

/**
 * Where a request came from: the client's address (after trusted proxies; its key is what login throttles count)
 * and its user agent, both shown in the sessions list.
 */
record ClientInfo(ClientAddress address, @Nullable String userAgent) {

    ClientInfo {
        if (userAgent != null && userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
    }

    String ip() {
        return address.ip();
    }

    String addressKey() {
        return address.key();
    }
}
