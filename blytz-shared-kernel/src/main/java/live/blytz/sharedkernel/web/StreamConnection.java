package live.blytz.sharedkernel.web;

import java.io.IOException;

/** A connection handed over by {@link StreamHandover}: bytes out, one writer at a time. */
public interface StreamConnection {

    /**
     * Writes {@code bytes} and flushes them. Blocks while the client reads too slowly, at most the server's write
     * timeout; throws once the connection is closed or the client gone.
     */
    void write(byte[] bytes) throws IOException;

    /** Closes the connection (the client sees the end of the stream). Never throws; again is a no-op. */
    void close();

    /**
     * Runs {@code listener} once the connection is closed, by either side (at once if it is already): the client
     * went away, a write failed, or {@link #close()}.
     */
    void whenClosed(Runnable listener);
}
