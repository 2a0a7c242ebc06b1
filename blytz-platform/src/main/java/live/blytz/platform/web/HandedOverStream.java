package live.blytz.platform.web;

import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import live.blytz.sharedkernel.web.StreamConnection;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;

/**
 * A stream's connection after Tomcat let go of its request ({@link TomcatStreamHandover}): Tomcat's internal upgrade
 * path, the one its WebSocket and HTTP/2 take, so that the connection keeps only its socket and no request
 * processor (ADR 0028: that processor's buffers were ~95 % of an open stream's memory). The client sends nothing
 * more: a read event is its end of the connection. Writes block at most {@link #WRITE_TIMEOUT_MILLIS}, so a client
 * that stops reading cannot hold a writer forever.
 * <p>
 * Public with a public constructor only because Tomcat instantiates it.
 */
public final class HandedOverStream implements InternalHttpUpgradeHandler, StreamConnection {

    static final long WRITE_TIMEOUT_MILLIS = 10_000;
    /** What {@link #whenClosed} holds once the connection is closed: a listener registered then runs at once. */
    private static final Runnable CLOSED = () -> { };

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<@Nullable Runnable> whenClosed = new AtomicReference<>();
    private final Object writeLock = new Object();
    private @Nullable Consumer<StreamConnection> opened;
    private @Nullable Runnable abandoned;
    private volatile @Nullable SocketWrapperBase<?> socket;

    public HandedOverStream() {
    }

    void bind(Consumer<StreamConnection> opened, Runnable abandoned) {
        this.opened = opened;
        this.abandoned = abandoned;
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        wrapper.setWriteTimeout(WRITE_TIMEOUT_MILLIS);
        socket = wrapper;
    }

    @Override
    public void init(WebConnection connection) {
        Consumer<StreamConnection> callback = opened;
        opened = null;
        abandoned = null;
        if (callback != null) {
            try {
                callback.accept(this);
            } catch (RuntimeException e) {
                close(); // Tomcat drops the connection without destroy(): the owner has had its chance to clean up
                throw e;
            }
        }
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_READ && !clientClosed()) {
            // closed meanwhile by the owner: an upgraded socket returned as such would be registered again
            return closed.get() ? SocketState.CLOSED : SocketState.UPGRADED;
        }
        if (status == SocketEvent.OPEN_WRITE || status == SocketEvent.TIMEOUT) {
            return closed.get() ? SocketState.CLOSED : SocketState.UPGRADED;
        }
        close();
        return SocketState.CLOSED;
    }

    /** Reads what the client sent after its request (nothing is expected); true at the end of its stream. */
    private boolean clientClosed() {
        SocketWrapperBase<?> wrapper = socket;
        if (wrapper == null) {
            return true;
        }
        ByteBuffer discard = ByteBuffer.allocate(256);
        try {
            int read;
            do {
                discard.clear();
                read = wrapper.read(false, discard);
            } while (read > 0);
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        SocketWrapperBase<?> wrapper = socket;
        if (closed.get() || wrapper == null) {
            throw new IOException("The stream is closed");
        }
        try {
            synchronized (writeLock) {
                wrapper.write(true, bytes, 0, bytes.length);
                wrapper.flush(true);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SocketWrapperBase<?> wrapper = socket;
        if (wrapper != null) {
            wrapper.close();
        }
        Runnable listener = whenClosed.getAndSet(CLOSED);
        if (listener != null) {
            listener.run();
        }
    }

    @Override
    public void whenClosed(Runnable listener) {
        if (whenClosed.compareAndSet(null, listener)) {
            return; // close() runs it
        }
        if (whenClosed.get() != CLOSED) {
            throw new IllegalStateException("One listener per stream");
        }
        listener.run();
    }

    /** Tomcat is done with the connection: closed here, by the client, or before it was ever handed over. */
    @Override
    public void destroy() {
        Runnable never = abandoned;
        abandoned = null;
        if (never != null) {
            never.run();
        }
        close();
    }

    @Override
    public void timeoutAsync(long now) {
        // no timeouts of its own: the stream's owner ends it
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // nothing to read from TLS here
    }

    @Override
    public void pause() {
        // the streams' owner closes them first at shutdown
    }
}
