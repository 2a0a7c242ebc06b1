package live.blytz.auth.internal;

import org.jspecify.annotations.Nullable;

/** Where a request came from: the client's address (after trusted proxies) and its user agent, shown in sessions. */
public record ClientInfo(String ip, @Nullable String userAgent) {

    public ClientInfo {
        if (userAgent != null && userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
    }
}
