package live.blytz;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The split topology's reverse proxy for real: a local nginx, started as a child process of the test JVM with
 * {@code docker/nginx-split.conf} as {@code docker/nginx-split-local.sh} rewrites it (the same location rules; the two
 * test services' ports as upstreams), so that the split acceptance story runs through one base URL as clients see
 * it. Only where an {@code nginx} binary is found (CI installs one; {@link #available()}).
 */
final class SplitReverseProxy implements AutoCloseable {

    private static final Path DOCKER = Path.of("..", "docker");

    private final Process nginx;
    private final Path work;
    private final int port;

    private SplitReverseProxy(Process nginx, Path work, int port) {
        this.nginx = nginx;
        this.work = work;
        this.port = port;
    }

    /** The nginx binary on the PATH (or where Debian puts it), if there is one. */
    static Optional<Path> available() {
        return Arrays.stream((System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin")
                        .split(File.pathSeparator))
                .map(directory -> Path.of(directory, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static SplitReverseProxy start(Path binary, int authPort, int marketplacePort) {
        try {
            Path work = Files.createTempDirectory("blytz-nginx");
            int port = freePort();
            run(new ProcessBuilder("bash", DOCKER.resolve("nginx-split-local.sh").toString(), work.toString(),
                    Integer.toString(port), Integer.toString(authPort), Integer.toString(marketplacePort)));
            Process nginx = new ProcessBuilder(binary.toString(), "-c", work.resolve("nginx.conf").toString(),
                    "-e", work.resolve("error.log").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
            SplitReverseProxy proxy = new SplitReverseProxy(nginx, work, port);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one base URL of the split topology. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!nginx.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IllegalStateException("nginx did not start: " + read("nginx.out") + read("error.log"), e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    private String read(String file) throws IOException {
        Path path = work.resolve(file);
        return Files.exists(path) ? Files.readString(path) : "";
    }

    private static void run(ProcessBuilder command) throws IOException {
        Process process = command.redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command.command()) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
