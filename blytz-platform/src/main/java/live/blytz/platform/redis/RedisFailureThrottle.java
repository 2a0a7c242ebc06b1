package live.blytz.platform.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import live.blytz.sharedkernel.store.FailurePolicy;
import live.blytz.sharedkernel.store.FailureThrottle;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Failure counters and waits in Redis, each key a counter (expiring with its policy's window from the first failure)
 * and a wait marker (expiring when the wait ends). A reservation is one script over every key of the attempt, so
 * that no other attempt, on any instance, runs between its check and its count.
 */
@Component
class RedisFailureThrottle implements FailureThrottle {

    // KEYS: counter and wait marker of each key. ARGV, per key: window (ms), free failures, number of waits, waits (ms).
    // Returns 0 when reserved, else the longest wait left (ms).
    private static final String RESERVE = """
            local longest = 0
            for i = 2, #KEYS, 2 do
              longest = math.max(longest, redis.call('PTTL', KEYS[i]))
            end
            if longest > 0 then
              return longest
            end
            local a = 1
            for i = 1, #KEYS, 2 do
              local waits = tonumber(ARGV[a + 2])
              local count = redis.call('INCR', KEYS[i])
              if redis.call('PTTL', KEYS[i]) < 0 then
                redis.call('PEXPIRE', KEYS[i], ARGV[a])
              end
              local beyond = count - tonumber(ARGV[a + 1])
              if beyond > 0 then
                redis.call('SET', KEYS[i + 1], '1', 'PX', ARGV[a + 2 + math.min(beyond, waits)])
              end
              a = a + 3 + waits
            end
            return 0
            """;
    // KEYS: counters. Takes one failure off each, keeping its expiry; a counter at 1 goes.
    private static final String RELEASE = """
            for i = 1, #KEYS do
              local count = tonumber(redis.call('GET', KEYS[i]) or '0')
              if count > 1 then
                redis.call('DECR', KEYS[i])
              elseif count == 1 then
                redis.call('DEL', KEYS[i])
              end
            end
            return 0
            """;

    private final RedissonClient redisson;
    private final RedisCalls redis;

    RedisFailureThrottle(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public Optional<Duration> reserve(List<Key> keys) {
        List<Object> redisKeys = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (Key key : keys) {
            FailurePolicy policy = key.policy();
            redisKeys.add(counter(key));
            redisKeys.add(waitMarker(key));
            arguments.add(String.valueOf(policy.window().toMillis()));
            arguments.add(String.valueOf(policy.freeFailures()));
            arguments.add(String.valueOf(policy.waits().size()));
            policy.waits().forEach(wait -> arguments.add(String.valueOf(wait.toMillis())));
        }
        long waitLeft = redis.call(() -> script().<Long>eval(RScript.Mode.READ_WRITE, RESERVE, RScript.ReturnType.LONG,
                redisKeys, arguments.toArray()));
        return waitLeft > 0 ? Optional.of(Duration.ofMillis(waitLeft)) : Optional.empty();
    }

    @Override
    public void release(List<Key> keys) {
        List<Object> counters = keys.stream().<Object>map(RedisFailureThrottle::counter).toList();
        redis.run(() -> script().eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.LONG, counters));
    }

    @Override
    public void clear(Key key) {
        redis.run(() -> redisson.getKeys().delete(counter(key), waitMarker(key)));
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    private static String counter(Key key) {
        return "throttle:" + key.policy().name() + ":" + key.key();
    }

    private static String waitMarker(Key key) {
        return counter(key) + ":wait";
    }
}
