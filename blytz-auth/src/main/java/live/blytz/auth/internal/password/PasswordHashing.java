package live.blytz.auth.internal.password;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import live.blytz.auth.internal.AuthProperties;
import live.blytz.sharedkernel.error.TooManyRequestsException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies passwords on a small bounded pool, so that a login flood uses at most {@code threads}
 * cores and cannot starve the rest of the API; when {@code queueCapacity} jobs already wait, the request is
 * refused at once with 429 and {@code Retry-After} rather than queued without bound.
 * <p>
 * The encoder is Spring Security's {@link DelegatingPasswordEncoder}: hashes carry their algorithm id, new ones
 * are {@code {bcrypt-hmac-sha256}} (peppered) at the configured cost, and {@link #needsRehash} tells when a stored
 * hash (unpeppered {@code {bcrypt-sha256}}, plain {@code {bcrypt}}, or a lower cost) should be replaced at the next
 * successful login.
 */
@Component
public class PasswordHashing implements DisposableBean {

    static final String ID = "bcrypt-hmac-sha256";
    /** The client of hashing the server does for itself (the configured first admin, the demo accounts). */
    public static final String SERVER = "server";
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final PasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    private final int perClient;
    // Jobs queued or running per client address key: one client may not fill the pool's queue for everybody.
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final String dummyHash;

    PasswordHashing(AuthProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.password().bcryptCost());
        this.encoder = new DelegatingPasswordEncoder(ID, Map.of(
                ID, PreHashedBCryptPasswordEncoder.hmacSha256(bcrypt, properties.password().pepperKey()),
                "bcrypt-sha256", PreHashedBCryptPasswordEncoder.sha256(bcrypt),
                "bcrypt", bcrypt));
        int threads = properties.hashing().threads() > 0 ? properties.hashing().threads()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.hashing().queueCapacity()),
                task -> {
                    Thread thread = new Thread(task, "password-hashing-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    // With -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 (the shipped launch settings,
                    // ADR 0027) this is nice 19: bcrypt runs on whatever CPU the other requests leave idle, so a login
                    // flood cannot starve them. Without those flags the JVM ignores thread priorities.
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.perClient = properties.hashing().perClient();
        // Compared against when the e-mail is unknown, so that the answer takes as long as a wrong password.
        this.dummyHash = encoder.encode("dummy password that matches nothing");
    }

    /** Hashes a password for {@code client} (its address key, see {@code ClientAddress}). */
    public String hash(String password, String client) {
        String normalised = PasswordPolicy.normalise(password);
        return run(client, () -> encoder.encode(normalised));
    }

    /** Compares against the stored hash, or against a dummy hash when there is none (same cost, same time). */
    boolean matches(String password, String storedHash, String client) {
        String normalised = PasswordPolicy.normalise(password);
        return run(client, () -> {
            try {
                return encoder.matches(normalised, storedHash);
            } catch (IllegalArgumentException tooLongForPlainBcrypt) {
                // A legacy {bcrypt} hash and a password over 72 bytes: bcrypt cannot have produced it.
                return false;
            }
        });
    }

    String dummyHash() {
        return dummyHash;
    }

    boolean needsRehash(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }

    private <T> T run(String client, Callable<T> job) {
        if (!admit(client)) {
            throw new TooManyRequestsException("Too many password checks from your address at once; retry shortly",
                    BUSY_RETRY);
        }
        try {
            return runAdmitted(job);
        } finally {
            inFlight.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    private boolean admit(String client) {
        boolean[] admitted = {false};
        inFlight.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < perClient;
            return admitted[0] ? Integer.valueOf(current + 1) : count;
        });
        return admitted[0];
    }

    private <T> T runAdmitted(Callable<T> job) {
        Future<T> future;
        try {
            future = pool.submit(job);
        } catch (RejectedExecutionException e) {
            throw new TooManyRequestsException("The server is busy checking passwords; retry shortly", BUSY_RETRY);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
