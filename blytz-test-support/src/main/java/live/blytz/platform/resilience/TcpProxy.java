package live.blytz.platform.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on a loopback port in front of a real server (the machine's PostgreSQL or Redis), for outage tests
 * that must not touch the shared server: {@link #stop()} closes every connection and refuses new ones, as a crashed
 * server would; {@link #hang()} accepts connections but never answers, as a frozen one would; {@link #start()} brings
 * the forwarding back on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket server;
    private volatile boolean forwarding;

    public TcpProxy(String targetHost, int targetPort) {
        this(targetHost, targetPort, true);
    }

    /** A server that accepts connections and never answers. */
    public static TcpProxy frozen() {
        return new TcpProxy("127.0.0.1", 0, false);
    }

    private TcpProxy(String targetHost, int targetPort, boolean forwarding) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        this.forwarding = forwarding;
        accept(server);
    }

    public int port() {
        return port;
    }

    /** Forwards again, on the same port. */
    public synchronized void start() {
        closeAll();
        server = bind(port);
        forwarding = true;
        accept(server);
    }

    /** Down: every open connection is closed and new ones are refused. */
    public synchronized void stop() {
        closeAll();
    }

    /** Frozen: new connections are accepted but nothing is ever forwarded or answered. */
    public synchronized void hang() {
        closeAll();
        server = bind(port);
        forwarding = false;
        accept(server);
    }

    @Override
    public synchronized void close() {
        closeAll();
        threads.shutdownNow();
    }

    private void accept(ServerSocket listening) {
        threads.submit(() -> {
            while (!listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException closed) {
                    return;
                }
                sockets.add(client);
                if (forwarding) {
                    threads.submit(() -> connect(client));
                }
            }
        });
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            sockets.add(upstream);
            threads.submit(() -> pump(client, upstream));
            pump(upstream, client);
        } catch (IOException e) {
            quietlyClose(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // One side went away: take the other down with it.
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private void closeAll() {
        quietlyClose(server);
        sockets.forEach(TcpProxy::quietlyClose);
        sockets.clear();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private static void quietlyClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
