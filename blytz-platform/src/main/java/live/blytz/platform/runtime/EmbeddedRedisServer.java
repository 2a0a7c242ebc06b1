package live.blytz.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} binary shipped in the embedded-redis Maven artifact, one per data directory per
 * JVM. It listens on a free loopback port (6379 is usually taken by a machine's own Redis).
 */
final class EmbeddedRedisServer {

    private static final Map<Path, String> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedRedisServer() {
    }

    static String url(Path dataDirectory) {
        return RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), EmbeddedRedisServer::start);
    }

    private static String start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dataDirectory)
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis in " + dataDirectory, e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // The JVM is exiting; the child process goes with it.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
