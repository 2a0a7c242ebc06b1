package live.blytz.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-cutting HTTP settings.
 *
 * @param maxBodySize largest request body accepted (413 above it)
 * @param corsAllowedOrigins browser origins allowed to call the API; empty means no CORS headers at all
 * @param trustedProxies addresses or CIDR ranges of the proxies whose {@code X-Forwarded-For} is believed
 * @param ipv6ClientPrefix how many leading bits of an IPv6 address identify one client for per-address limits
 */
@Validated
@ConfigurationProperties("blytz.web")
public record WebProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue List<String> corsAllowedOrigins,
        @NotNull @DefaultValue List<String> trustedProxies,
        @Min(1) @Max(128) @DefaultValue("64") int ipv6ClientPrefix) {
}
