package live.blytz.platform.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL started from the zonky Maven artifact, one per data directory per JVM: every Spring
 * context of a test run shares it, and a restart of the app finds its data again.
 */
final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static String jdbcUrl(Path dataDirectory) {
        EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(),
                EmbeddedPostgresServer::start);
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            // Keep existing data: initdb runs only when the directory holds no cluster yet.
            boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
