package live.blytz.auctions.internal.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one log (an auction's or a show's) on this instance. Told that the log moved (a broadcast, a
 * local commit, or the periodic check), it reads the log once from the last fact it delivered, however many
 * subscribers there are, renders each event once and offers it to every subscriber; reads never overlap, and a signal
 * during a read causes one more read. As the hub always reads from its own position, a lost or reordered notification
 * only delays a fact until the next signal.
 * <p>
 * Offering an event to every subscriber and joining are atomic with respect to each other, so a subscriber that
 * joins at position p receives every fact after p from the hub, and needs the log only for what lies
 * between its own position and p (nothing, for a new viewer: it connects without a query).
 */
final class LogHub {

    private static final Logger log = LoggerFactory.getLogger(LogHub.class);

    private final FollowedLog followed;
    private final LogReader reader;
    private final Frames frames;
    private final int batch;
    private final Executor executor;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    // Written by the reader under this hub's lock.
    private volatile long position;
    private volatile boolean over;

    LogHub(FollowedLog followed, Frames frames, int batch, Executor executor) {
        this.followed = followed;
        this.reader = followed.reader();
        this.frames = frames;
        this.batch = batch;
        this.executor = executor;
        this.position = followed.seq();
        this.over = followed.over();
    }

    /** Adds {@code subscriber}; every fact after the hub's position now reaches it through this hub. */
    synchronized void join(Subscriber subscriber) {
        subscriber.joinedAt(position);
        subscribers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    Set<Subscriber> subscribers() {
        return subscribers;
    }

    /** The log as far as this hub has delivered it: where a new viewer starts, without asking the database. */
    FollowedLog current() {
        return followed.at(position, over);
    }

    /** The log has reached {@code seq} (or may have moved: {@link Long#MAX_VALUE}). */
    void signal(long seq) {
        if (seq <= position) {
            return; // delivered already (this instance's own commit, heard again through the broadcast)
        }
        dirty.set(true);
        if (reading.compareAndSet(false, true)) {
            executor.execute(this::read);
        }
    }

    private void read() {
        try {
            while (dirty.getAndSet(false)) {
                LogReader.Page read;
                do {
                    long from = position;
                    read = reader.after(from, batch);
                    long previous = from;
                    for (StreamEvent event : read.events()) {
                        offer(frames.render(event), previous);
                        previous = event.seq();
                    }
                    advance(read.lastSeq());
                } while (read.more());
            }
        } catch (RuntimeException e) {
            // The database is unreachable: the next signal or periodic check reads again from the same position.
            log.warn("Reading the log {} failed: {}", followed.id(), e.toString());
        } finally {
            reading.set(false);
            if (dirty.get() && reading.compareAndSet(false, true)) {
                executor.execute(this::read);
            }
        }
    }

    private void offer(Frame frame, long previous) {
        List<Subscriber> full = new ArrayList<>(0);
        synchronized (this) {
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.offer(frame, previous)) {
                    full.add(subscriber);
                }
            }
            position = frame.seq();
            over = over || frame.event().terminal();
        }
        // Outside the lock: closing one reaches LiveStreams' map of hubs, which holds its own lock while joining.
        full.forEach(Subscriber::drop);
    }

    private synchronized void advance(long seq) {
        position = Math.max(position, seq); // past facts with nothing public in them
    }
}
