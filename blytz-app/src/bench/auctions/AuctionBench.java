import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hot auction, many bidders, several instances: sets up a seller, an auction and {@code bidders} accounts through
 * the first instance, then runs one virtual thread per bidder for {@code seconds}, each sending its bids to the
 * instances in turn over keep-alive sockets of its own ({@link Connection}). The {@code workload} says what a bid
 * asks for:
 * <ul>
 * <li>{@code chase}: the minimum next bid the bidder last learnt (from its own 201 or 409), as a bidder without the
 * live stream would; most bids lose the race to the one before them at that price (409 too low);</li>
 * <li>{@code ladder}: the next rung of one ladder shared by all bidders (1.00, then +100.00 each, above every price
 * band's increment), as bidders who watch the live stream and bid over the last price would: a bid loses only when a
 * higher rung, sent after it, is decided before it.</li>
 * </ul>
 * Every eighth bidder adds a proxy maximum (3.00 above in {@code chase}, 50.00 above in {@code ladder}, so that the
 * next rung outbids it through a proxy bid). It prints {@code warming} once the bidders start; the warm-up (bids
 * sent, not counted) lasts until the file {@code quiet-flag} exists, at most {@code warmup} seconds; then it prints
 * {@code measuring} and counts for {@code seconds}; then prints the auction id, the accepted bids (all of them, for
 * the log check), the counted accepted and decided (201 + 409) bids per second and the latency percentiles of the
 * counted bids.
 *
 * Usage: java AuctionBench.java <admin-email> <admin-password> <bidders> <warmup> <seconds> <chase|ladder>
 *        <quiet-flag> <base-url> [<base-url>...]
 */
public class AuctionBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern MINIMUM = Pattern.compile("\"minimum_next_bid\":([0-9.]+)");
    /** When the bidders start counting, and stop: set by the main thread once the warm-up is over. */
    static volatile long measureFrom = Long.MAX_VALUE;
    static volatile long stopAt = Long.MAX_VALUE;

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
        Path quiet = Path.of(args[6]);
        List<String> bases = Arrays.asList(args).subList(7, args.length);
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
        long warmedFrom = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            int me = i;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            threads.add(Thread.ofVirtual().start(() -> {
                String minimum = "1.00";
                int n = 0;
                List<Connection> connections = bases.stream().map(url -> new Connection(URI.create(url))).toList();
                String path = "/api/v1/auctions/" + auction + "/bids";
                try {
                    start.await();
                    while (System.nanoTime() < stopAt) {
                        Connection connection = connections.get(n % connections.size());
                        BigDecimal amount = ladder
                                ? BigDecimal.ONE.add(BigDecimal.valueOf(100L * rungs.getAndIncrement())).setScale(2)
                                : new BigDecimal(minimum);
                        String body = me % 8 == 0
                                ? "{\"amount\":" + amount.toPlainString() + ",\"max_amount\":"
                                        + amount.add(BigDecimal.valueOf(ladder ? 50 : 3)).toPlainString() + "}"
                                : "{\"amount\":" + amount.toPlainString() + "}";
                        long begin = System.nanoTime();
                        Connection.Response response = connection.post(path, tokens.get(me),
                                UUID.randomUUID().toString(), body);
                        boolean counting = begin >= measureFrom;
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
                } finally {
                    connections.forEach(Connection::close);
                }
            }));
        }
        System.out.println("warming");
        System.out.flush();
        start.countDown();
        // The warm-up ends when the flag file appears (bench.sh: the instances' JIT compilers are quiet), or at most
        // after `warmup` seconds.
        long warmUntil = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        while (!Files.exists(quiet) && System.nanoTime() < warmUntil) {
            Thread.sleep(200);
        }
        long began = System.nanoTime();
        stopAt = began + Duration.ofSeconds(seconds).toNanos();
        measureFrom = began;
        long cpuBefore = cpuNanos();
        System.out.printf("measuring after %.0f s of warm-up%n", (began - warmedFrom) / 1e9);
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

    /**
     * One keep-alive HTTP/1.1 connection to an instance over a plain socket, used by one bidder's virtual thread: the
     * client shares the instances' cores, and java.net.http's selector thread, reactive body plumbing and per-request
     * objects cost it about as much CPU per request as PostgreSQL and Redis together (bench README). Reconnects when
     * the server closes (Tomcat does after 100 requests on a connection).
     */
    static final class Connection {

        record Response(int statusCode, String body) {
        }

        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base) {
            this.base = base;
        }

        Response post(String path, String token, String key, String json) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = new BufferedOutputStream(socket.getOutputStream(), 2048);
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nIdempotency-Key: "
                    + key + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            int status = Integer.parseInt(line().split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                close |= lower.startsWith("connection:") && lower.contains("close");
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream(512);
            if (chunked) {
                for (int size = Integer.parseInt(line().strip(), 16); size > 0;
                        size = Integer.parseInt(line().strip(), 16)) {
                    received.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                received.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Response(status, received.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing: nothing left to read
            }
            socket = null;
        }
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
