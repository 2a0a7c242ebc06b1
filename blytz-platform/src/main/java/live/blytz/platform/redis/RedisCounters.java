package live.blytz.platform.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.store.Counters;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counter groups as Redis hashes. A hit is counted by one script: the visitor goes into a HyperLogLog of the member
 * and period, and the hash grows by however much the HyperLogLog's distinct count grew (a repeated visitor leaves
 * it unchanged). Draining reads and deletes a hash atomically.
 */
@Component
class RedisCounters implements Counters {

    // KEYS: the group's hash, the member's HyperLogLog for this period, how much of it is counted already.
    // ARGV: member, visitor, the period's lifetime in seconds.
    private static final String COUNT_DISTINCT = """
            if redis.call('PFADD', KEYS[2], ARGV[2]) == 0 then
              return 0
            end
            redis.call('EXPIRE', KEYS[2], ARGV[3])
            local seen = redis.call('PFCOUNT', KEYS[2])
            local counted = tonumber(redis.call('GET', KEYS[3]) or '0')
            if seen <= counted then
              return 0
            end
            redis.call('SET', KEYS[3], seen, 'EX', ARGV[3])
            return redis.call('HINCRBY', KEYS[1], ARGV[1], seen - counted)
            """;
    private static final String DRAIN = """
            local values = redis.call('HGETALL', KEYS[1])
            redis.call('DEL', KEYS[1])
            return values
            """;

    private final RedissonClient redisson;
    private final RedisCalls redis;

    RedisCounters(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public void countDistinct(String group, String member, String visitor, Duration period) {
        long periodSeconds = Math.max(1, period.toSeconds());
        String seen = key(group) + ":seen:" + member + ":" + Instant.now().getEpochSecond() / periodSeconds;
        redis.call(() -> redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT_DISTINCT,
                RScript.ReturnType.LONG, List.of(key(group), seen, seen + ":counted"),
                member, visitor, String.valueOf(periodSeconds)));
    }

    @Override
    public Map<String, Long> drain(String group) {
        List<Object> flat = redis.call(() -> redisson.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, DRAIN, RScript.ReturnType.LIST, List.of(key(group))));
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            counts.put(String.valueOf(flat.get(i)), Long.parseLong(String.valueOf(flat.get(i + 1))));
        }
        return counts;
    }

    private static String key(String group) {
        return "counters:" + group;
    }
}
