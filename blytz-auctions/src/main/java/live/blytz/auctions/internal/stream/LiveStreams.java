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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.auctions.internal.AuctionLogWatcher;
import live.blytz.auctions.internal.ShowLogWatcher;
import live.blytz.sharedkernel.error.AtCapacityException;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.StreamHandover;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import live.blytz.sharedkernel.store.Broadcasts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This instance's live streams (ADR 0028, ADR 0030): one {@link LogHub} per followed log (an auction's or a show's),
 * the caps on open streams, the heartbeat, and the fan-out across instances. A commit to a log on any instance is
 * broadcast as {@code "<log id> <seq>"} on one channel; each instance signals its hub of that log (if it has one),
 * which reads the log. The log stays the source of truth: the broadcast only says "read now", and every heartbeat each
 * hub reads again, so a lost broadcast delays a fact by at most one heartbeat.
 * <p>
 * It stops first at shutdown (the default phase, before the web server's graceful shutdown), closing every stream
 * with a reconnection hint, so that no open stream holds the shutdown up.
 */
@Component
class LiveStreams implements AuctionLogWatcher, ShowLogWatcher, SmartLifecycle {

    static final String CHANNEL = "auctions.log";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** A sequence number of a log, as the SSE id carries it. */
    static final String SEQ_PATTERN = "^[0-9]{1,18}$";
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** No cache may keep a stream, and nginx-style proxies pass it on as it comes instead of buffering it. */
    private static final Map<String, String> STREAM_HEADERS = Map.of("Cache-Control", "no-store",
            "X-Accel-Buffering", "no");

    private final AuctionLogQueries auctionLogs;
    private final ShowLogQueries showLogs;
    private final Broadcasts broadcasts;
    private final AuctionStreamProperties properties;
    private final Frames frames;
    private final int capacity;
    private final Map<UUID, LogHub> hubs = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    /** Senders, hub readers and broadcasts: each may wait on a slow client or a query, so one virtual thread each. */
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable ScheduledExecutorService ticks;
    private volatile boolean running;
    private boolean subscribed;

    LiveStreams(AuctionLogQueries auctionLogs, ShowLogQueries showLogs, Broadcasts broadcasts,
            AuctionStreamProperties properties, JsonMapper json) {
        this.auctionLogs = auctionLogs;
        this.showLogs = showLogs;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.frames = new Frames(json);
        this.capacity = properties.capacity(Runtime.getRuntime().maxMemory());
        if (capacity < properties.total()) {
            log.info("At most {} open streams on this instance: what half the heap holds at {} each", capacity,
                    properties.heapPerStream());
        }
    }

    /**
     * Opens a stream of {@code followed} for the client with {@code clientKey}, starting after fact {@code after};
     * refused beyond the caps. For a sink that exists at once (the tests' collectors); an HTTP stream is admitted
     * before its connection is handed over and subscribed after ({@link #respond}).
     */
    Subscriber open(FollowedLog followed, String clientKey, long after, StreamSink sink) {
        admit(clientKey);
        return subscribe(followed, clientKey, after, sink);
    }

    /** Takes a place for one more stream of {@code clientKey}: refused beyond the caps, or while restarting. */
    private void admit(String clientKey) {
        if (!running) {
            throw new AtCapacityException("The server is restarting; reconnect in a moment", properties.retry());
        }
        acquire(clientKey);
    }

    /** A stream of {@code followed} on a place already {@linkplain #admit admitted}. */
    private Subscriber subscribe(FollowedLog followed, String clientKey, long after, StreamSink sink) {
        Subscriber subscriber = new Subscriber(followed, clientKey, after, sink, frames, properties.queue(),
                properties.batch(), workers, this::closed);
        // Join the hub first, then replay: a fact the hub reads from now on reaches the subscriber's queue, and one
        // it read before is in the log the replay reads (up to where the hub stood when it joined); the subscriber
        // drops what both bring.
        hubs.compute(followed.id(), (id, hub) -> {
            LogHub joined = hub == null ? new LogHub(followed, frames, properties.batch(), workers) : hub;
            joined.join(subscriber);
            return joined;
        });
        subscriber.start();
        if (!running) {
            subscriber.closeAsync(properties.retry()); // opened while stop() closed the others
        }
        return subscriber;
    }

    /** Where an auction's log stands, if the auction exists. */
    Optional<FollowedLog> auctionLog(UUID auctionId) {
        return followed(auctionId, FollowedLog.Kind.AUCTION).or(() -> auctionLogs.head(auctionId));
    }

    /** Where a show's log stands, if the show exists. */
    Optional<FollowedLog> showLog(UUID showId) {
        return followed(showId, FollowedLog.Kind.SHOW).or(() -> showLogs.head(showId));
    }

    /**
     * A log this instance follows already, as far as its hub has delivered it: so that a crowd connecting to a hot
     * auction costs no query each (ADR 0028), and a new viewer joins where the hub stands.
     */
    private Optional<FollowedLog> followed(UUID logId, FollowedLog.Kind kind) {
        LogHub hub = hubs.get(logId);
        return hub == null ? Optional.empty() : Optional.of(hub.current()).filter(current -> current.kind() == kind);
    }

    /**
     * Answers a stream request for {@code followed}, resuming after {@code resumeAfter} (without one: from now): the
     * event stream on the connection {@code handover} gives once the head is sent (the web server keeps none of the
     * request's buffers for it: ADR 0028), or 204 No Content when the log is over and nothing follows (an EventSource
     * stops). Null when the stream was handed over: the response is written.
     */
    @Nullable ResponseEntity<Void> respond(FollowedLog followed, @Nullable Long resumeAfter, ClientAddress client,
            StreamHandover handover) {
        long after = resumeAfter == null ? followed.seq() : resumeAfter;
        if (followed.over() && after >= followed.seq()) {
            return ResponseEntity.noContent().build();
        }
        String clientKey = client.key();
        admit(clientKey);
        // The place is either taken over by a subscriber or given back, once, whichever of the handover's outcomes
        // (opened, abandoned, a failure while the head goes out) comes first.
        AtomicBoolean settled = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (settled.compareAndSet(false, true)) {
                freePlace(clientKey);
            }
        };
        try {
            handover.handOver(MediaType.TEXT_EVENT_STREAM_VALUE, STREAM_HEADERS, connection -> {
                if (!settled.compareAndSet(false, true)) {
                    connection.close();
                    return;
                }
                Subscriber subscriber;
                try {
                    subscriber = subscribe(followed, clientKey, after, new ConnectionSink(connection));
                } catch (RuntimeException e) {
                    freePlace(clientKey);
                    throw e;
                }
                connection.whenClosed(subscriber::gone);
            }, giveBack);
        } catch (RuntimeException e) {
            giveBack.run();
            throw e;
        }
        return null;
    }

    /** Where a client resumes: the Last-Event-ID header, else the last_event_id query parameter; null when neither. */
    static @Nullable Long resumePoint(@Nullable String header, @Nullable String parameter) {
        String text = header != null ? header : parameter;
        if (text == null) {
            return null;
        }
        if (!text.matches(SEQ_PATTERN)) {
            throw ValidationException.of(header != null ? LAST_EVENT_ID : "last_event_id",
                    "must be the id of an event received: digits only");
        }
        return Long.parseLong(text);
    }

    int openStreams() {
        return total.get();
    }

    /**
     * After a commit on this instance to an auction's or a show's log: this instance's hub at once, the others through
     * the broadcast.
     */
    @Override
    public void committed(UUID logId, long seq) {
        signal(logId, seq);
        workers.execute(() -> {
            try {
                broadcasts.publish(CHANNEL, logId + " " + seq);
            } catch (RuntimeException e) {
                // The other instances' hubs find the fact at their next heartbeat.
                log.debug("Broadcasting {} of log {} failed: {}", seq, logId, e.toString());
            }
        });
    }

    private void signal(UUID logId, long seq) {
        LogHub hub = hubs.get(logId);
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

    /**
     * Heartbeats, each hub reads the log again in case a broadcast was lost, and streams open for longer than
     * max-age are closed with the reconnection hint.
     */
    private void tick() {
        hubs.values().forEach(hub -> hub.signal(Long.MAX_VALUE));
        long openedBefore = System.nanoTime() - properties.maxAge().toNanos();
        hubs.values().forEach(hub -> hub.subscribers().forEach(subscriber -> {
            if (subscriber.openedBefore(openedBefore)) {
                subscriber.closeAsync(properties.retry());
            } else {
                subscriber.heartbeat();
            }
        }));
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
        if (total.incrementAndGet() > capacity) {
            total.decrementAndGet();
            release(clientKey);
            throw new AtCapacityException("This server has as many open streams as it may; retry shortly",
                    properties.retry());
        }
    }

    private void release(String clientKey) {
        perClient.computeIfPresent(clientKey, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Gives back one admitted place of {@code clientKey}: a stream that ended, or one that never opened. */
    private void freePlace(String clientKey) {
        total.decrementAndGet();
        release(clientKey);
    }

    /** A subscriber's stream ended, for whatever reason (called once per subscriber). */
    private void closed(Subscriber subscriber) {
        freePlace(subscriber.clientKey());
        hubs.computeIfPresent(subscriber.logId(), (id, hub) -> {
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
                        LiveStreams.this.received(message);
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
                Thread.ofPlatform().name("live-stream-ticks").daemon().factory());
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
