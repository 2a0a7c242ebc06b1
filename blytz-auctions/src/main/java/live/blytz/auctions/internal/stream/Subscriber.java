package live.blytz.auctions.internal.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream. Its hub offers it events without ever waiting: they go into a bounded queue, and when the queue is
 * full the subscriber is dropped (the client resumes with Last-Event-ID), so a slow client costs neither the publisher
 * nor the heap. Its own sender, a virtual thread started when there is something to send, writes the queue out in
 * order; it first replays the log from the subscriber's position up to where it joined its hub (nothing to read when
 * it starts from there), and reads the log again whenever an offered event does not follow what it sent (a gap), so
 * that the client gets every public fact once, in order.
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    private static final Object HEARTBEAT = new Object();

    private final FollowedLog followed;
    private final String clientKey;
    private final StreamSink sink;
    private final LogReader reader;
    private final Frames frames;
    private final int batch;
    private final Executor sender;
    private final Consumer<Subscriber> onClosed;
    private final BlockingQueue<Object> queue;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long openedAt = System.nanoTime();
    private volatile @Nullable Duration closeWithRetry;
    /** Where the hub stood when this subscriber joined it: every later fact comes through the hub. */
    private volatile long joinedAt = Long.MAX_VALUE;

    // Touched only by the sender (one at a time: {@link #sending}).
    private long position;
    private boolean caughtUp;

    Subscriber(FollowedLog followed, String clientKey, long after, StreamSink sink, Frames frames, int queueSize,
            int batch, Executor sender, Consumer<Subscriber> onClosed) {
        this.followed = followed;
        this.clientKey = clientKey;
        this.position = after;
        this.sink = sink;
        this.reader = followed.reader();
        this.frames = frames;
        this.batch = batch;
        this.sender = sender;
        this.onClosed = onClosed;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /** The followed log's id: the auction's or the show's. */
    UUID logId() {
        return followed.id();
    }

    String clientKey() {
        return clientKey;
    }

    /** Whether this stream opened before {@code nanoTime} (a {@link System#nanoTime()} reading). */
    boolean openedBefore(long nanoTime) {
        return openedAt - nanoTime < 0;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The first send: the replay from the log. */
    void start() {
        schedule();
    }

    /** Called by the hub, under its lock, as this subscriber joins it at the hub's {@code position}. */
    void joinedAt(long position) {
        joinedAt = position;
    }

    /**
     * {@code frame}, whose event follows fact {@code previous} of the log. Never blocks; false when the queue is full:
     * the caller then {@link #drop drops} this subscriber.
     */
    boolean offer(Frame frame, long previous) {
        if (closed.get()) {
            return true;
        }
        if (!queue.offer(new Delivery(frame, previous))) {
            return false;
        }
        schedule();
        return true;
    }

    /** Too slow to keep up: the stream is closed, and the client resumes with Last-Event-ID. */
    void drop() {
        log.debug("Dropping a slow subscriber of {} ({} events queued)", followed.id(), queue.size());
        closeAsync(null);
    }

    /** A heartbeat when nothing else is waiting to go out. */
    void heartbeat() {
        if (!closed.get() && queue.isEmpty() && queue.offer(HEARTBEAT)) {
            schedule();
        }
    }

    /** Ends the stream from any thread without waiting for the client; with {@code retry}, a reconnection hint. */
    void closeAsync(@Nullable Duration retry) {
        if (markClosed()) {
            sender.execute(() -> sink.close(retry));
        }
    }

    /** Ends the stream now, on this thread (the container's timeout callback). */
    void closeNow(@Nullable Duration retry) {
        if (markClosed()) {
            sink.close(retry);
        }
    }

    /** The client went away, or the container ended the stream. */
    void gone() {
        markClosed();
    }

    /** The server is stopping: close after what is being written now, with a reconnection hint. */
    void shutDown(Duration retry) {
        closeWithRetry = retry;
        schedule();
    }

    private boolean markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        onClosed.accept(this);
        return true;
    }

    private void schedule() {
        if (sending.compareAndSet(false, true)) {
            sender.execute(this::send);
        }
    }

    private void send() {
        try {
            if (!caughtUp && !closed.get()) {
                if (position < joinedAt) {
                    catchUp(Long.MAX_VALUE);
                }
                caughtUp = true;
            }
            while (!closed.get()) {
                Duration retry = closeWithRetry;
                if (retry != null) {
                    closeNow(retry);
                    return;
                }
                Object item = queue.poll();
                if (item == null) {
                    sending.set(false);
                    // Something offered between the poll and the flag is this sender's again, or a new one's.
                    if ((queue.isEmpty() && closeWithRetry == null) || !sending.compareAndSet(false, true)) {
                        return;
                    }
                } else if (item == HEARTBEAT) {
                    sink.heartbeat();
                } else {
                    deliver((Delivery) item);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Stream of {} ended: {}", followed.id(), e.toString());
            closeAsync(null);
        } finally {
            if (closed.get()) {
                sending.set(false);
            }
        }
    }

    private void deliver(Delivery delivery) throws IOException {
        Frame frame = delivery.frame();
        if (frame.seq() <= position) {
            return; // already sent by the replay
        }
        if (delivery.previous() > position) {
            catchUp(frame.seq() - 1); // a fact the hub delivered before this subscriber joined, or one it missed
        }
        write(frame);
        position = frame.seq();
    }

    /** Sends the log's public facts after {@link #position} up to {@code until}, reading it in batches. */
    private void catchUp(long until) throws IOException {
        while (position < until && !closed.get()) {
            LogReader.Page read = reader.after(position, batch);
            for (StreamEvent event : read.events()) {
                if (event.seq() > until || closed.get()) {
                    position = until;
                    return;
                }
                write(frames.render(event));
                position = event.seq();
            }
            position = Math.max(position, Math.min(read.lastSeq(), until));
            if (!read.more()) {
                return; // the end of the log
            }
        }
    }

    private void write(Frame frame) throws IOException {
        sink.send(frame);
        if (frame.event().terminal()) {
            closeNow(null); // nothing follows the end; a reconnection is answered 204 No Content
        }
    }

    private record Delivery(Frame frame, long previous) {
    }
}
