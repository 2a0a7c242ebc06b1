package live.blytz.auctions.internal.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.auctions.internal.AuctionLogWatcher;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.Broadcasts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's live streams (ADR 0028): one {@link AuctionHub} per followed auction, the caps on open streams, the
 * heartbeat, and the fan-out across instances. A commit of an auction's facts on any instance is broadcast as
 * {@code "<auction id> <seq>"} on one channel; each instance signals its hub of that auction (if it has one), which
 * reads the log. The log stays the source of truth: the broadcast only says "read now", and every heartbeat each hub
 * reads again, so a lost broadcast delays a fact by at most one heartbeat.
 * <p>
 * It stops first at shutdown (the default phase, before the web server's graceful shutdown), closing every stream
 * with a reconnection hint, so that no open stream holds the shutdown up.
 */
@Component
class AuctionStreams implements AuctionLogWatcher, SmartLifecycle {

    static final String CHANNEL = "auctions.log";
    private static final Logger log = LoggerFactory.getLogger(AuctionStreams.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final AuctionLogQueries queries;
    private final Broadcasts broadcasts;
    private final AuctionStreamProperties properties;
    private final Map<UUID, AuctionHub> hubs = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    /** Senders, hub readers and broadcasts: each may wait on a slow client or a query, so one virtual thread each. */
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable ScheduledExecutorService ticks;
    private volatile boolean running;
    private boolean subscribed;

    AuctionStreams(AuctionLogQueries queries, Broadcasts broadcasts, AuctionStreamProperties properties) {
        this.queries = queries;
        this.broadcasts = broadcasts;
        this.properties = properties;
    }

    /**
     * Opens a stream of {@code auction} for the client with {@code clientKey}, starting after fact {@code after};
     * refused beyond the caps.
     */
    Subscriber open(AuctionLogQueries.Head auction, String clientKey, long after, StreamSink sink) {
        if (!running) {
            throw new AtCapacityException("The server is restarting; reconnect in a moment", properties.retry());
        }
        acquire(clientKey);
        Subscriber subscriber = new Subscriber(auction, clientKey, after, sink, queries, properties.queue(),
                properties.batch(), workers, this::closed);
        // Join the hub first, then replay: a fact the hub reads from now on reaches the subscriber's queue, and one
        // it read before is in the log the replay reads; the subscriber drops what both bring.
        hubs.compute(auction.auctionId(), (id, hub) -> {
            AuctionHub joined = hub == null ? new AuctionHub(auction, queries, properties.batch(), workers) : hub;
            joined.add(subscriber);
            return joined;
        });
        subscriber.start();
        return subscriber;
    }

    /** Where the auction's log stands, if the auction exists. */
    Optional<AuctionLogQueries.Head> head(UUID auctionId) {
        return queries.head(auctionId);
    }

    int openStreams() {
        return total.get();
    }

    /** After a commit on this instance: this instance's hub at once, the others through the broadcast. */
    @Override
    public void committed(UUID auctionId, long seq) {
        signal(auctionId, seq);
        workers.execute(() -> {
            try {
                broadcasts.publish(CHANNEL, auctionId + " " + seq);
            } catch (RuntimeException e) {
                // The other instances' hubs find the fact at their next heartbeat.
                log.debug("Broadcasting {} of auction {} failed: {}", seq, auctionId, e.toString());
            }
        });
    }

    private void signal(UUID auctionId, long seq) {
        AuctionHub hub = hubs.get(auctionId);
        if (hub != null) {
            hub.signal(seq);
        }
    }

    private void received(String message) {
        int space = message.indexOf(' ');
        try {
            signal(UUID.fromString(message.substring(0, space)), Long.parseLong(message.substring(space + 1)));
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed message on {}: {}", CHANNEL, message);
        }
    }

    /** Heartbeats, and each hub reads the log again in case a broadcast was lost. */
    private void tick() {
        hubs.values().forEach(hub -> hub.signal(Long.MAX_VALUE));
        hubs.values().forEach(hub -> hub.subscribers().forEach(Subscriber::heartbeat));
    }

    private void acquire(String clientKey) {
        boolean[] refused = {false};
        perClient.compute(clientKey, (key, count) -> {
            int open = count == null ? 0 : count;
            refused[0] = open >= properties.perClient();
            return refused[0] ? count : open + 1;
        });
        if (refused[0]) {
            throw new TooManyRequestsException("Too many open streams from this address (at most "
                    + properties.perClient() + "); close one first", properties.retry());
        }
        if (total.incrementAndGet() > properties.total()) {
            total.decrementAndGet();
            release(clientKey);
            throw new AtCapacityException("This server has as many open streams as it may; retry shortly",
                    properties.retry());
        }
    }

    private void release(String clientKey) {
        perClient.computeIfPresent(clientKey, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** A subscriber's stream ended, for whatever reason (called once per subscriber). */
    private void closed(Subscriber subscriber) {
        total.decrementAndGet();
        release(subscriber.clientKey());
        hubs.computeIfPresent(subscriber.auctionId(), (id, hub) -> {
            hub.remove(subscriber);
            return hub.isEmpty() ? null : hub;
        });
    }

    @Override
    public synchronized void start() {
        if (!subscribed) {
            broadcasts.subscribe(CHANNEL, new Broadcasts.Listener() {
                @Override
                public void received(String message) {
                    if (running) {
                        AuctionStreams.this.received(message);
                    }
                }

                @Override
                public void resumed() {
                    // Messages may have been lost while unsubscribed: every hub reads its log.
                    hubs.values().forEach(hub -> hub.signal(Long.MAX_VALUE));
                }
            });
            subscribed = true;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("auction-stream-ticks").daemon().factory());
        long period = properties.heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
        ticks = scheduler;
        running = true;
    }

    /** Closes every stream with the reconnection hint and waits (briefly) until their last writes are done. */
    @Override
    public synchronized void stop() {
        running = false;
        if (ticks != null) {
            ticks.shutdownNow();
            ticks = null;
        }
        hubs.values().forEach(hub -> hub.subscribers().forEach(subscriber -> subscriber.shutDown(properties.retry())));
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (total.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
