package live.blytz.platform.redis;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is ({@code REDIS_URL}, e.g. {@code redis://:secret@redis:6379/0} or {@code rediss://} for TLS),
 * how long a command may take and a connection may take to open before the caller degrades instead of waiting,
 * and how often a failed command is retried (ADR 0022: together they bound what a request can wait on Redis).
 */
@Validated
@ConfigurationProperties("blytz.redis")
public record RedisProperties(
        @NotBlank String url,
        @NotNull @DefaultValue("500ms") Duration timeout,
        @NotNull @DefaultValue("500ms") Duration connectTimeout,
        @Min(0) @DefaultValue("0") int retryAttempts) {

    @Override
    public String toString() {
        return "RedisProperties[url=<redacted>, timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", retryAttempts=" + retryAttempts + "]";
    }
}
