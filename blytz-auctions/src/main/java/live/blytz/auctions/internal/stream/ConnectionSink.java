package live.blytz.auctions.internal.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import live.blytz.sharedkernel.web.StreamConnection;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber's stream as the connection the web server handed over once the response head went out (ADR 0028):
 * each frame is the bytes rendered once per event, written as they are.
 */
final class ConnectionSink implements StreamSink {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final StreamConnection connection;

    ConnectionSink(StreamConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(Frame frame) throws IOException {
        connection.write(frame.bytes());
    }

    @Override
    public void heartbeat() throws IOException {
        connection.write(HEARTBEAT);
    }

    @Override
    public void close(@Nullable Duration retry) {
        try {
            if (retry != null) {
                connection.write((": closing\nretry: " + retry.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the client is gone: nothing left to tell it
        } finally {
            connection.close();
        }
    }
}
