/*
 * Login throughput against raw bcrypt verify at the same cost (issue 3: goal >= 0.9x).
 *
 * Run it through ./login-throughput.sh (it builds and starts the app, then runs this file); by hand:
 *   java -cp spring-security-crypto.jar LoginBench.java <base-url> <bcrypt-cost> <threads> <warmup-s> <measure-s>
 *   (the pepper is read from BLYTZ_AUTH_PASSWORD_PEPPER, as the app reads it)
 *
 * 1. Raw: <threads> threads run BCrypt.checkpw on base64(HMAC-SHA256(pepper, password)) -- exactly what the
 *    app's {bcrypt-hmac-sha256} encoder does -- for <measure-s> seconds: verifies per second.
 * 2. Login: registers one account, then 2 x <threads> clients POST /api/v1/auth/login over HTTP for <warmup-s>
 *    (discarded), then <measure-s> seconds: successful logins per second (a 429 from the bounded hashing pool is
 *    counted separately, not as throughput).
 * Prints both rates and their ratio. Use the same <threads> as the app's hashing pool (default: CPU count).
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

public class LoginBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int cost = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));

        String email = "bench-" + UUID.randomUUID() + "@blytz.test";
        String password = "benchmark passphrase " + UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int registered = post(http, base + "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").statusCode();
        if (registered != 201) {
            throw new IllegalStateException("registration answered " + registered);
        }

        double raw = rawBcrypt(password, cost, threads, measure);
        System.out.printf("raw bcrypt verify (cost %d, %d threads): %.2f/s%n", cost, threads, raw);

        String login = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        run(http, base, login, 2 * threads, warmup);
        long[] counts = run(http, base, login, 2 * threads, measure);
        double logins = counts[0] / (double) measure.toSeconds();
        System.out.printf("login over HTTP (%d clients): %.2f/s (%d ok, %d busy 429, %d other)%n",
                2 * threads, logins, counts[0], counts[1], counts[2]);
        System.out.printf("ratio login / raw bcrypt: %.2f%n", logins / raw);
    }

    static double rawBcrypt(String password, int cost, int threads, Duration measure) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(System.getenv("BLYTZ_AUTH_PASSWORD_PEPPER").getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String input = Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        String hash = BCrypt.hashpw(input, BCrypt.gensalt(cost));
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (!BCrypt.checkpw(input, hash)) {
                        throw new IllegalStateException("bcrypt mismatch");
                    }
                    done.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / (double) measure.toSeconds();
    }

    /** Returns {ok, 429, other} counts of logins completed within the duration. */
    static long[] run(HttpClient http, String base, String body, int clients, Duration duration) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = post(http, base + "/api/v1/auth/login", body).statusCode();
                        if (System.nanoTime() > end) {
                            break;
                        }
                        (status == 200 ? ok : status == 429 ? busy : other).incrementAndGet();
                        if (status == 429) {
                            Thread.sleep(50);
                        }
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {ok.get(), busy.get(), other.get()};
    }

    static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
