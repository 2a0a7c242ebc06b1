import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hot auction, many bidders, several instances: sets up a seller, an auction and {@code bidders} accounts through
 * the first instance, then runs one thread per bidder for {@code seconds}, each sending its bids to the instances in
 * turn. The {@code workload} says what a bid asks for:
 * <ul>
 * <li>{@code chase}: the minimum next bid the bidder last learnt (from its own 201 or 409), as a bidder without the
 * live stream would; most bids lose the race to the one before them at that price (409 too low);</li>
 * <li>{@code ladder}: the next rung of one ladder shared by all bidders (1.00, then +100.00 each, above every price
 * band's increment), as bidders who watch the live stream and bid over the last price would: a bid loses only when a
 * higher rung, sent after it, is decided before it.</li>
 * </ul>
 * Every eighth bidder adds a proxy maximum (3.00 above in {@code chase}, 50.00 above in {@code ladder}, so that the
 * next rung outbids it through a proxy bid). After {@code warmup} seconds (bids sent, not counted) it prints
 * {@code measuring} and counts for {@code seconds}; then prints the auction id, the accepted bids (all of them, for
 * the log check), the counted accepted and decided (201 + 409) bids per second and the latency percentiles of the
 * counted bids.
 *
 * Usage: java AuctionBench.java <admin-email> <admin-password> <bidders> <warmup> <seconds> <chase|ladder>
 *        <base-url> [<base-url>...]
 */
public class AuctionBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern MINIMUM = Pattern.compile("\"minimum_next_bid\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String adminEmail = args[0];
        String adminPassword = args[1];
        int bidders = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        boolean ladder = switch (args[5]) {
            case "chase" -> false;
            case "ladder" -> true;
            default -> throw new IllegalArgumentException("workload must be chase or ladder: " + args[5]);
        };
        List<String> bases = Arrays.asList(args).subList(6, args.length);
        String base = bases.getFirst();

        String admin = login(base, adminEmail, adminPassword);
        String seller = register(base, "seller");
        String category = field(post(base, "/api/v1/categories", admin, "{\"name\":\"Bench " + UUID.randomUUID() + "\"}",
                null), "id");
        String product = field(post(base, "/api/v1/products", seller, "{\"category_id\":\"" + category
                + "\",\"title\":\"Hot lot\",\"condition\":\"new\",\"starting_price\":1.00}", null), "id");
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + product))
                .header("Authorization", "Bearer " + seller).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"active\"}")).build(), 200);
        String auction = field(post(base, "/api/v1/auctions", seller, "{\"product_id\":\"" + product
                + "\",\"duration\":\"PT2H\"}", null), "id");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            tokens.add(register(base, "bidder"));
        }

        AtomicLong accepted = new AtomicLong();
        AtomicLong counted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong decided = new AtomicLong();
        Map<Integer, AtomicLong> failures = new ConcurrentSkipListMap<>();
        AtomicLong rungs = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[2];
        for (int i = 0; i < bidders; i++) {
            int me = i;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                String minimum = "1.00";
                int n = 0;
                try {
                    start.await();
                    while (System.nanoTime() < deadline[0]) {
                        String url = bases.get(n % bases.size());
                        BigDecimal amount = ladder
                                ? BigDecimal.ONE.add(BigDecimal.valueOf(100L * rungs.getAndIncrement())).setScale(2)
                                : new BigDecimal(minimum);
                        String body = me % 8 == 0
                                ? "{\"amount\":" + amount.toPlainString() + ",\"max_amount\":"
                                        + amount.add(BigDecimal.valueOf(ladder ? 50 : 3)).toPlainString() + "}"
                                : "{\"amount\":" + amount.toPlainString() + "}";
                        long begin = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(url + "/api/v1/auctions/" + auction + "/bids"))
                                .header("Authorization", "Bearer " + tokens.get(me))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        boolean counting = begin >= deadline[1];
                        if (counting && mine[0] + 1 < mine.length) {
                            mine[(int) ++mine[0]] = System.nanoTime() - begin;
                        }
                        n++;
                        Matcher next = MINIMUM.matcher(response.body());
                        if (next.find()) {
                            minimum = next.group(1);
                        }
                        switch (response.statusCode()) {
                            case 201 -> {
                                accepted.incrementAndGet();
                                if (counting) {
                                    counted.incrementAndGet();
                                    decided.incrementAndGet();
                                }
                            }
                            case 409 -> {
                                refused.incrementAndGet();
                                if (counting) {
                                    decided.incrementAndGet();
                                }
                            }
                            default -> {
                                failed.incrementAndGet();
                                failures.computeIfAbsent(response.statusCode(), status -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }));
        }
        long began = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        deadline[1] = began;
        deadline[0] = began + Duration.ofSeconds(seconds).toNanos();
        start.countDown();
        Thread.sleep(Duration.ofSeconds(warmup));
        long cpuBefore = cpuNanos();
        System.out.println("measuring");
        System.out.flush();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        double clientCores = (cpuNanos() - cpuBefore) / 1e9 / elapsed;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
        System.out.printf("auction=%s%n", auction);
        System.out.printf("accepted=%d%nrefused=%d%nfailed=%d %s%n", accepted.get(), refused.get(), failed.get(),
                failures);
        System.out.printf("accepted_per_second=%.1f%ndecided_per_second=%.1f%nrequests_per_second=%.1f%n",
                counted.get() / elapsed, decided.get() / elapsed, all.length / elapsed);
        System.out.printf("p50_ms=%.1f%np99_ms=%.1f%n", percentile(all, 0.50), percentile(all, 0.99));
        System.out.printf("client_cpu_cores=%.2f%n", clientCores);
    }

    /** This process's CPU time: what the client itself costs the machine it shares with the instances. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    static String register(String base, String role) throws Exception {
        String email = role + "-" + UUID.randomUUID() + "@bench.test";
        String password = "bench " + UUID.randomUUID();
        post(base, "/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"role\":\"" + ("seller".equals(role) ? "seller" : "buyer") + "\"}", null);
        return login(base, email, password);
    }

    static String login(String base, String email, String password) throws Exception {
        return field(post(base, "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}", null), "access_token");
    }

    static String post(String base, String path, String token, String json, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), -1);
    }

    static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
