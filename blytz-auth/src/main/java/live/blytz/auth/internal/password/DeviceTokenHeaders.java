package live.blytz.auth.internal.password;

import java.time.Duration;
import live.blytz.auth.internal.AuthProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * How a device token travels (ADR 0016): to a browser as the cookie {@value #COOKIE} (HttpOnly, Secure,
 * SameSite=Strict), which it sends back to the login and nowhere else, and to clients without cookies (mobile apps)
 * in the {@value #HEADER} header, which they send back to the login themselves.
 */
@Component
public class DeviceTokenHeaders {

    public static final String COOKIE = "blytz_device";
    public static final String HEADER = "Blytz-Device-Token";
    private static final String LOGIN_PATH = "/api/v1/auth/login";

    private final Duration lifetime;

    DeviceTokenHeaders(AuthProperties properties) {
        this.lifetime = properties.deviceTokens().lifetime();
    }

    /** The response headers that hand {@code deviceToken} to the client: the cookie and the header. */
    public HttpHeaders of(String deviceToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, deviceToken)
                .httpOnly(true).secure(true).sameSite("Strict").path(LOGIN_PATH).maxAge(lifetime)
                .build().toString());
        headers.add(HEADER, deviceToken);
        return headers;
    }
}
