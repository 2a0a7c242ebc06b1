package live.blytz.app.redis;

import java.util.function.Supplier;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.redisson.client.RedisException;

/** Runs a Redis command and reports an outage as {@link DependencyUnavailableException} (503). */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new DependencyUnavailableException("The shared store is unavailable", e);
        }
    }

    static void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }
}
