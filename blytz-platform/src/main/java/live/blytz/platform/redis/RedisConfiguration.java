package live.blytz.platform.redis;

import java.net.URI;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client for the whole application. It connects lazily, so the app starts while Redis is still
 * coming up; readiness reports Redis until it answers, and each store adapter decides how to degrade. Commands are
 * not retried by default: a failed command is a failure for the circuit breaker to count (ADR 0022), and every
 * caller has a fallback, so a retry would only double the wait of each request while Redis is unreachable.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(properties.url())
                .setDatabase(database(properties.url()))
                .setTimeout((int) properties.timeout().toMillis())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setRetryAttempts(properties.retryAttempts())
                .setRetryInterval(100)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        log.info("Redis at {} (connecting lazily; requests degrade while it is unreachable)", redacted(properties.url()));
        return Redisson.create(config);
    }

    /** The database index of {@code redis://host:port/3}: Redisson ignores the URL's path, so it is set explicitly. */
    static int database(String url) {
        String path = URI.create(url).getPath();
        return path == null || path.isEmpty() || path.equals("/") ? 0 : Integer.parseInt(path.substring(1));
    }

    private static String redacted(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
