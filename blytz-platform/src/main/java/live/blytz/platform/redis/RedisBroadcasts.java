package live.blytz.platform.redis;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import live.blytz.sharedkernel.store.Broadcasts;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Broadcasts as Redis pub/sub channels. Redisson resubscribes by itself after a lost connection and then reports
 * the subscription again ({@code onSubscribe}), which is passed on as {@link Listener#resumed()}; a first
 * subscription that fails (Redis down at start-up) is retried every second until it holds.
 */
@Component
class RedisBroadcasts implements Broadcasts, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisBroadcasts.class);
    private static final long RETRY_SECONDS = 1;

    private final RedissonClient redisson;
    private final RedisCalls redis;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("redis-subscribe-retry").daemon().factory());

    RedisBroadcasts(RedissonClient redisson, RedisCalls redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    @Override
    public void publish(String channel, String message) {
        redis.run(() -> redisson.getTopic(channel).publish(message));
    }

    /** Subscribes in the background (connecting may take a while, or fail while Redis is down: then it retries). */
    @Override
    public void subscribe(String channel, Listener listener) {
        retries.execute(() -> attempt(channel, listener));
    }

    private void attempt(String channel, Listener listener) {
        RTopic topic = redisson.getTopic(channel);
        try {
            // Messages first, then the status: by the time resumed() runs, no message can slip past the listener.
            topic.addListenerAsync(String.class, (ignored, message) -> listener.received(message))
                    .thenCompose(id -> topic.addListenerAsync(new BaseStatusListener() {
                        @Override
                        public void onSubscribe(String ignored) {
                            listener.resumed();
                        }
                    }))
                    .whenComplete((id, failure) -> {
                        if (failure == null) {
                            listener.resumed();
                        } else {
                            retry(topic, channel, listener, failure);
                        }
                    });
        } catch (RuntimeException e) {
            retry(topic, channel, listener, e);
        }
    }

    private void retry(RTopic topic, String channel, Listener listener, Throwable failure) {
        log.warn("Subscribing to {} failed, retrying in {} s: {}", channel, RETRY_SECONDS, failure.getMessage());
        try {
            topic.removeAllListenersAsync(); // a half-done attempt must not leave a second listener behind
        } catch (RuntimeException ignored) {
            // nothing was registered
        }
        retries.schedule(() -> attempt(channel, listener), RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
