package live.blytz.app.redis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is ({@code REDIS_URL}, e.g. {@code redis://:secret@redis:6379/0} or {@code rediss://} for TLS)
 * and how long a command may take before the caller degrades instead of waiting.
 */
@Validated
@ConfigurationProperties("blytz.redis")
public record RedisProperties(
        @NotBlank String url,
        @NotNull @DefaultValue("500ms") Duration timeout,
        @NotNull @DefaultValue("1s") Duration connectTimeout) {

    @Override
    public String toString() {
        return "RedisProperties[url=<redacted>, timeout=" + timeout + "]";
    }
}
