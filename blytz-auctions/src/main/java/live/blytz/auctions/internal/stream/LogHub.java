package live.blytz.auctions.internal.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one log (an auction's or a show's) on this instance. Told that the log moved (a broadcast, a
 * local commit, or the periodic check), it reads the log once from the last fact it delivered, however many
 * subscribers there are, and offers each event to every subscriber; reads never overlap, and a signal during a read
 * causes one more read. As the hub always reads from its own position, a lost or reordered notification only delays a
 * fact until the next signal.
 */
final class LogHub {

    private static final Logger log = LoggerFactory.getLogger(LogHub.class);

    private final FollowedLog followed;
    private final LogReader reader;
    private final int batch;
    private final Executor executor;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long position;

    LogHub(FollowedLog followed, int batch, Executor executor) {
        this.followed = followed;
        this.reader = followed.reader();
        this.batch = batch;
        this.executor = executor;
        this.position = followed.seq();
    }

    void add(Subscriber subscriber) {
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
                        for (Subscriber subscriber : subscribers) {
                            subscriber.offer(event, previous);
                        }
                        previous = event.seq();
                    }
                    position = read.lastSeq();
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
}
