package live.blytz.app.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import live.blytz.sharedkernel.store.Counters;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/** Counter groups as Redis hashes: HINCRBY per hit, and a script that reads and deletes a hash atomically. */
@Component
class RedisCounters implements Counters {

    private static final String INCREMENT = "return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)";
    private static final String DRAIN = """
            local values = redis.call('HGETALL', KEYS[1])
            redis.call('DEL', KEYS[1])
            return values
            """;

    private final RedissonClient redisson;

    RedisCounters(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public void increment(String group, String member) {
        RedisCalls.call(() -> redisson.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, INCREMENT, RScript.ReturnType.LONG, List.of(key(group)), member));
    }

    @Override
    public Map<String, Long> drain(String group) {
        List<Object> flat = RedisCalls.call(() -> redisson.getScript(StringCodec.INSTANCE)
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
