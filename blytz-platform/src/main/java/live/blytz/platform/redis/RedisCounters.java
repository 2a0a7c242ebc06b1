package live.blytz.platform.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.store.Counters;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counter groups as Redis hashes. Hits are counted by one script per member: the visitors go into a HyperLogLog of
 * the member and period, and the hash grows by however much the HyperLogLog's distinct count grew (a repeated
 * visitor leaves it unchanged); the scripts of a batch go in one pipelined round trip. Draining reads and deletes a
 * hash atomically.
 */
@Component
class RedisCounters implements Counters {

    // KEYS: the group's hash, the member's HyperLogLog for this period, how much of it is counted already.
    // ARGV: member, the period's lifetime in seconds, the visitors.
    private static final String COUNT_DISTINCT = """
            if redis.call('PFADD', KEYS[2], unpack(ARGV, 3)) == 0 then
              return 0
            end
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            local seen = redis.call('PFCOUNT', KEYS[2])
            local counted = tonumber(redis.call('GET', KEYS[3]) or '0')
            if seen <= counted then
              return 0
            end
            redis.call('SET', KEYS[3], seen, 'EX', ARGV[2])
            return redis.call('HINCRBY', KEYS[1], ARGV[1], seen - counted)
            """;
    private static final String DRAIN = """
            local values = redis.call('HGETALL', KEYS[1])
            redis.call('DEL', KEYS[1])
            return values
            """;

    private static final int MAX_VISITORS_PER_SCRIPT = 1000;

    private final RedissonClient redisson;
    private final RedisCalls redis;

    RedisCounters(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public void countDistinct(String group, Map<String, ? extends Collection<String>> visitorsByMember,
            Duration period) {
        if (visitorsByMember.isEmpty()) {
            return;
        }
        long periodSeconds = Math.max(1, period.toSeconds());
        long periodNumber = Instant.now().getEpochSecond() / periodSeconds;
        redis.run(() -> {
            RBatch batch = redisson.createBatch(BatchOptions.defaults());
            visitorsByMember.forEach((member, visitors) -> {
                String seen = key(group) + ":seen:" + member + ":" + periodNumber;
                List<String> all = List.copyOf(visitors);
                // Lua's unpack takes a few thousand values at most: a long list goes in several scripts.
                for (int from = 0; from < all.size(); from += MAX_VISITORS_PER_SCRIPT) {
                    List<Object> arguments = new ArrayList<>(MAX_VISITORS_PER_SCRIPT + 2);
                    arguments.add(member);
                    arguments.add(String.valueOf(periodSeconds));
                    arguments.addAll(all.subList(from, Math.min(all.size(), from + MAX_VISITORS_PER_SCRIPT)));
                    batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, COUNT_DISTINCT,
                            RScript.ReturnType.LONG, List.of(key(group), seen, seen + ":counted"),
                            arguments.toArray());
                }
            });
            batch.execute();
        });
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
