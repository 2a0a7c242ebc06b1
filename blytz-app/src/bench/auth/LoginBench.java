/*
 * Login throughput against raw bcrypt verify at the same cost (issue 3 and 10: goal >= 0.9x), and a login flood.
 *
 * Run by ../run.sh (and ./login-throughput.sh); by hand:
 *   java -cp spring-security-crypto.jar LoginBench.java <base-url> <bcrypt-cost> <threads> <mode> <warmup-s> <measure-s>
 *   (the pepper is read from BLYTZ_AUTH_PASSWORD_PEPPER, as the app reads it)
 *
 * mode "compare":
 * 1. Raw: <threads> threads run BCrypt.checkpw on base64(HMAC-SHA256(pepper, password)) -- exactly what the
 *    app's {bcrypt-hmac-sha256} encoder does -- for <measure-s> seconds: verifies per second.
 * 2. Login: registers one account, then 2 x <threads> clients POST /api/v1/auth/login over HTTP for <warmup-s>
 *    (discarded), then <measure-s> seconds: successful logins per second (a 429 from the bounded hashing pool is
 *    counted separately, not as throughput).
 * mode "flood": only step 2 without the warm-up (the load that run.sh measures the listing's p99 under).
 * Prints key=value lines: raw_per_s, login_per_s, login_ok, login_busy, login_other, ratio.
 * Use the same <threads> as the app's hashing pool (default: CPU count).
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
        String mode = args[3];
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[5]));

        String email = "bench-" + UUID.randomUUID() + "@blytz.test";
        String password = "benchmark passphrase " + UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int registered = post(http, base + "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").statusCode();
        if (registered != 201) {
            throw new IllegalStateException("registration answered " + registered);
        }
        String login = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        double raw = 0;
        if (mode.equals("compare")) {
            raw = rawBcrypt(password, cost, threads, measure);
            System.out.printf("raw_per_s=%.2f%n", raw);
            run(http, base, login, 2 * threads, warmup);
        } else if (!mode.equals("flood")) {
            throw new IllegalArgumentException("mode: compare or flood, not " + mode);
        }
        long[] counts = run(http, base, login, 2 * threads, measure);
        double logins = counts[0] / (double) measure.toSeconds();
        System.out.printf("login_per_s=%.2f%nlogin_ok=%d%nlogin_busy=%d%nlogin_other=%d%n",
                logins, counts[0], counts[1], counts[2]);
        if (mode.equals("compare")) {
            System.out.printf("ratio=%.3f%n", logins / raw);
        }
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
