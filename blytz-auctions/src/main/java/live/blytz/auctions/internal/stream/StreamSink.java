package live.blytz.auctions.internal.stream;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Where one subscriber's events go: the handed-over connection ({@link ConnectionSink}), or in tests a plain collector. */
interface StreamSink {

    /** Writes one event; may block while the client is slow (only the subscriber's own sender waits). */
    void send(Frame frame) throws IOException;

    /** A comment line that keeps idle proxies from closing the stream. */
    void heartbeat() throws IOException;

    /** Ends the stream, telling the client to reconnect after {@code retry} when given. Never throws. */
    void close(@Nullable Duration retry);
}
