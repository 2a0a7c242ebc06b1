package live.blytz.platform.events;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * RabbitMQ's own command-line tool, for the test that restarts the broker. It addresses the node its environment
 * names (the machine's default node, or {@code RABBITMQ_NODENAME}).
 */
final class Rabbitmqctl {

    private Rabbitmqctl() {
    }

    static boolean available() {
        return binary().isPresent();
    }

    /** Runs {@code rabbitmqctl -q <command>} and fails unless it succeeded within a minute. */
    static void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary().orElseThrow().toString(), "-q", command)
                .redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("rabbitmqctl " + command + " did not finish within a minute");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }

    private static Optional<Path> binary() {
        return Arrays.stream((System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin")
                        .split(File.pathSeparator))
                .map(directory -> Path.of(directory, "rabbitmqctl"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
