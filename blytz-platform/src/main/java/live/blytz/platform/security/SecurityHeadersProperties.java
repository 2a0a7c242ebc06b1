package live.blytz.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hsts}: send Strict-Transport-Security (on in {@code prod}, where TLS terminates in front of the app). */
@ConfigurationProperties("blytz.security.headers")
public record SecurityHeadersProperties(@DefaultValue("false") boolean hsts) {
}
