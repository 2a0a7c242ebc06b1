import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.Set;
import java.util.HashSet;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-stream benchmark (ADR 0028): one auction, {@code subscribers} SSE streams spread evenly over the instances,
 * {@code bids} bids sent one after the other to the instances in turn (so most bids are accepted on an instance other
 * than the one a given subscriber is connected to). Reports the delivery latency from each bid's acceptance (the
 * server's {@code occurred_at} in the event) to each subscriber's receipt (p50/p99), the events lost and duplicated
 * over all subscribers (must be 0), and the instances' RSS growth per 1,000 open streams.
 *
 * Usage: java LiveBench.java <admin-email> <admin-password> <subscribers> <bids> <pid,pid...> <base-url> [<base-url>...]
 */
public class LiveBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    static final Pattern MINIMUM = Pattern.compile("\"minimum_next_bid\":([0-9.]+)");
    /**
     * Bids sent first whose deliveries count for lost and duplicated but not for the latency: the fan-out's code is
     * still interpreted then (the first bids' deliveries took 0.5-0.9 s, enough to make the p99 of 100 bids).
     */
    static final int WARM_UP = Integer.getInteger("warmUp", 10);
    static final Pattern AMOUNT = Pattern.compile("\"amount\":([0-9.]+)");
    static final Pattern OCCURRED = Pattern.compile("\"occurred_at\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String adminEmail = args[0];
        String adminPassword = args[1];
        int subscribers = Integer.parseInt(args[2]);
        int bids = Integer.parseInt(args[3]);
        List<Long> pids = Arrays.stream(args[4].split(",")).map(Long::parseLong).toList();
        List<String> bases = Arrays.asList(args).subList(5, args.length);
        String base = bases.getFirst();

        String admin = login(base, adminEmail, adminPassword);
        String seller = register(base, "seller");
        String category = field(post(base, "/api/v1/categories", admin, "{\"name\":\"Live " + UUID.randomUUID() + "\"}"),
                "id");
        String product = field(post(base, "/api/v1/products", seller, "{\"category_id\":\"" + category
                + "\",\"title\":\"Live lot\",\"condition\":\"new\",\"starting_price\":1.00}"), "id");
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + product))
                .header("Authorization", "Bearer " + seller).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"active\"}")).build());
        String auction = field(post(base, "/api/v1/auctions", seller, "{\"product_id\":\"" + product
                + "\",\"duration\":\"PT2H\"}"), "id");
        List<String> bidders = List.of(register(base, "bidder"), register(base, "bidder"));

        Profile profile = Profile.fromEnvironment(pids);
        long rssBefore = rss(pids);
        List<Integer> threadsBefore = threads(pids);
        profile.beforeStreams();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        CountDownLatch open = new CountDownLatch(subscribers);
        ConcurrentLinkedQueue<Stream> bodies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicLong reconnects = new AtomicLong();
        for (int i = 0; i < subscribers; i++) {
            int instance = i % bases.size();
            String url = bases.get(instance) + "/api/v1/auctions/" + auction + "/stream";
            // As a browser's EventSource does: a refusal is retried after its Retry-After, a stream the server
            // closes (or drops as a slow consumer) is resumed with Last-Event-ID, so "lost" is what a client misses.
            Thread.ofVirtual().start(() -> {
                long last = 0;
                boolean counted = false;
                while (!closing.get()) {
                    try {
                        Stream response = Stream.open(URI.create(url), last);
                        if (response.status() != 200) {
                            response.close();
                            failures.computeIfAbsent("status " + response.status(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (!counted) {
                                refused.incrementAndGet();
                            }
                            Thread.sleep(1000L * response.retryAfter());
                            continue;
                        }
                        bodies.add(response);
                        if (!counted) {
                            counted = true;
                            connected.incrementAndGet();
                            open.countDown();
                        }
                        long id = 0;
                        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                                StandardCharsets.UTF_8))) {
                            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                                if (line.startsWith("id:")) {
                                    id = Long.parseLong(line.substring(3).strip());
                                } else if (line.startsWith("data:")) {
                                    long now = System.currentTimeMillis();
                                    if (id <= last) {
                                        duplicates.incrementAndGet();
                                        continue;
                                    }
                                    last = id;
                                    received.incrementAndGet();
                                    // Parsed after the run: the client's own cost stays off the measured path.
                                    receipts.add(new Receipt(now, id, instance, line));
                                }
                            }
                        }
                        if (!closing.get()) {
                            reconnects.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (closing.get()) {
                            return;
                        }
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                                .incrementAndGet();
                        reconnects.incrementAndGet();
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            });
        }
        open.await(5, TimeUnit.MINUTES);
        Thread.sleep(2000);
        long rssAtConnect = rss(pids);
        List<Integer> threadsAtConnect = threads(pids);
        // The connect storm grows Tomcat's worker pools; the extra workers retire after a minute idle. What the open
        // streams hold is measured once they have (at most 90 s), the figure at connect time is reported too.
        long settleStart = System.nanoTime();
        List<Integer> threadsAfter = threadsAtConnect;
        while (!settled(threadsBefore, threadsAfter) && System.nanoTime() - settleStart < TimeUnit.SECONDS.toNanos(90)) {
            Thread.sleep(2000);
            threadsAfter = threads(pids);
        }
        long settledAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - settleStart);
        long rssAfter = rss(pids);
        profile.afterStreams();
        profile.startRecording();

        // Bids, one at a time, to the instances in turn; each asks for the minimum the previous answer named.
        String minimum = "1.00";
        int accepted = 0;
        Map<BigDecimal, Integer> acceptedOn = new HashMap<>();
        Set<BigDecimal> warmUp = new HashSet<>();
        for (int i = 0; i < WARM_UP + bids; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(bases.get(i % bases.size()) + "/api/v1/auctions/" + auction + "/bids"))
                    .header("Authorization", "Bearer " + bidders.get(i % 2)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + minimum + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                accepted++;
                acceptedOn.put(new BigDecimal(minimum).stripTrailingZeros(), i % bases.size());
                if (i < WARM_UP) {
                    warmUp.add(new BigDecimal(minimum).stripTrailingZeros());
                }
            }
            Matcher next = MINIMUM.matcher(response.body());
            if (next.find()) {
                minimum = next.group(1);
            }
            Thread.sleep(50);
        }
        long expected = (long) accepted * connected.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        profile.stopRecording();
        Thread.sleep(1000); // anything duplicated late
        closing.set(true);
        bodies.forEach(body -> {
            try {
                body.close();
            } catch (Exception e) {
                // closing anyway
            }
        });

        // Where the tail comes from: deliveries on the instance that accepted the bid against those that came through
        // the Redis broadcast, and the bids (in order) whose deliveries were slowest.
        List<Long> all = new ArrayList<>();
        List<Long> local = new ArrayList<>();
        List<Long> remote = new ArrayList<>();
        Map<Long, List<Long>> perBid = new TreeMap<>();
        for (Receipt receipt : receipts) {
            Matcher at = OCCURRED.matcher(receipt.data());
            if (at.find()) {
                long latency = receipt.at() - Instant.parse(at.group(1)).toEpochMilli();
                all.add(latency);
                perBid.computeIfAbsent(receipt.seq(), k -> new ArrayList<>()).add(latency);
                Matcher amount = AMOUNT.matcher(receipt.data());
                BigDecimal bid = amount.find() ? new BigDecimal(amount.group(1)).stripTrailingZeros() : null;
                if (warmUp.contains(bid)) {
                    continue;
                }
                latencies.add(latency);
                Integer on = acceptedOn.get(bid);
                if (on != null) {
                    (on == receipt.instance() ? local : remote).add(latency);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedAll = all.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedLocal = local.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedRemote = remote.stream().mapToLong(Long::longValue).sorted().toArray();
        List<String> bidsByTail = new ArrayList<>();
        int index = 0;
        List<long[]> tails = new ArrayList<>();
        for (List<Long> each : perBid.values()) {
            long[] bid = each.stream().mapToLong(Long::longValue).sorted().toArray();
            tails.add(new long[] {index++, percentile(bid, 0.5), bid[bid.length - 1]});
        }
        tails.sort((a, b) -> Long.compare(b[2], a[2]));
        for (long[] tail : tails.subList(0, Math.min(5, tails.size()))) {
            bidsByTail.add("#" + (tail[0] + 1) + " p50 " + tail[1] + " max " + tail[2]);
        }
        System.out.printf("auction=%s%nsubscribers=%d%nconnected=%d%nrefused=%d%nbids_accepted=%d%n", auction,
                subscribers, connected.get(), refused.get(), accepted);
        System.out.printf("deliveries_expected=%d%ndeliveries_received=%d%nlost=%d%nduplicated=%d%n", expected,
                received.get(), expected - received.get(), duplicates.get());
        System.out.printf("latency_p50_ms=%d%nlatency_p99_ms=%d%nlatency_max_ms=%d%n", percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        System.out.printf("warm_up_bids=%d%nlatency_with_warm_up_p50_ms=%d%nlatency_with_warm_up_p99_ms=%d%n", WARM_UP,
                percentile(sortedAll, 0.50), percentile(sortedAll, 0.99));
        System.out.printf("latency_same_instance_p50_ms=%d%nlatency_same_instance_p99_ms=%d%n",
                percentile(sortedLocal, 0.50), percentile(sortedLocal, 0.99));
        System.out.printf("latency_other_instance_p50_ms=%d%nlatency_other_instance_p99_ms=%d%n",
                percentile(sortedRemote, 0.50), percentile(sortedRemote, 0.99));
        System.out.printf("slowest_bids=%s%n", bidsByTail);
        System.out.printf("failures=%s%nreconnects=%d%n", failures, reconnects.get());
        System.out.printf("rss_before_mb=%.1f%nrss_after_mb=%.1f%nrss_per_1000_streams_mb=%.1f%n", rssBefore / 1024.0,
                rssAfter / 1024.0, connected.get() == 0 ? 0 : (rssAfter - rssBefore) / 1024.0 * 1000 / connected.get());
        System.out.printf("rss_at_connect_mb=%.1f%nrss_per_1000_streams_at_connect_mb=%.1f%n", rssAtConnect / 1024.0,
                connected.get() == 0 ? 0 : (rssAtConnect - rssBefore) / 1024.0 * 1000 / connected.get());
        System.out.printf("threads_before=%s%nthreads_at_connect=%s%nthreads_after=%s (settled after %d s)%n",
                threadsBefore, threadsAtConnect, threadsAfter, settledAfterSeconds);
        System.exit(0);
    }

    record Receipt(long at, long seq, int instance, String data) {
    }

    /**
     * One event stream over a plain socket (HTTP/1.1 GET, chunked body), read by its own virtual thread: a thousand of
     * them cost the client far less than java.net.http's shared selector and reactive body plumbing, whose time the
     * first profile showed beside the servers' on the same two cores.
     */
    record Stream(Socket socket, int status, long retryAfter, InputStream body) implements AutoCloseable {

        static Stream open(URI uri, long last) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 30_000);
                socket.setSoTimeout(300_000);
                String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nAccept: text/event-stream\r\n" + (last > 0 ? "Last-Event-ID: " + last + "\r\n" : "")
                        + "\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
                int status = Integer.parseInt(line(in).split(" ")[1]);
                boolean chunked = false;
                long retryAfter = 1;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                    if (lower.startsWith("retry-after:")) {
                        retryAfter = Long.parseLong(header.substring(12).strip());
                    }
                }
                return new Stream(socket, status, retryAfter, chunked ? new Chunked(in) : in);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    /** A chunked transfer-encoded body; ends at the last (empty) chunk. */
    static final class Chunked extends InputStream {

        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = Stream.line(in);
                int extension = size.indexOf(';');
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read < 0) {
                throw new java.io.EOFException("connection closed in a chunk");
            }
            left -= read;
            if (left == 0) {
                Stream.line(in); // the chunk's CRLF
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close(); // the socket's stream: closes the connection
        }
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /**
     * The instances' resident set size together, in KiB, each after a full GC: so that the figure is the memory the
     * streams hold, not how far the heap happened to have grown since the last collection.
     */
    static long rss(List<Long> pids) throws Exception {
        long total = 0;
        for (long pid : pids) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        return total;
    }

    /** Each instance's thread count (platform threads: what the kernel sees). */
    /** Whether each instance is back to at most a few threads more than before the streams opened. */
    static boolean settled(List<Integer> before, List<Integer> now) {
        for (int i = 0; i < before.size(); i++) {
            if (now.get(i) > before.get(i) + 5) {
                return false;
            }
        }
        return true;
    }

    static List<Integer> threads(List<Long> pids) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (long pid : pids) {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    counts.add(Integer.parseInt(line.replaceAll("[^0-9]", "")));
                }
            }
        }
        return counts;
    }

    static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /**
     * With LIVE_BENCH_PROFILE=<dir> (bench.sh then starts the instances with native memory tracking): where the memory
     * of the open streams goes (NMT baseline before opening them, its diff after; heap histograms before and after)
     * and where the time of the bid phase goes (JFR of each instance, and of this client, during the bids only).
     */
    record Profile(Path dir, List<Long> pids, jdk.jfr.Recording client) {

        static Profile fromEnvironment(List<Long> pids) throws Exception {
            String dir = System.getenv("LIVE_BENCH_PROFILE");
            if (dir == null || dir.isBlank()) {
                return new Profile(null, pids, null);
            }
            Files.createDirectories(Path.of(dir));
            return new Profile(Path.of(dir), pids, new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")));
        }

        void beforeStreams() throws Exception {
            for (int i = 0; dir != null && i < pids.size(); i++) {
                jcmd(pids.get(i), "VM.native_memory", "baseline");
                Files.writeString(dir.resolve("histogram-before-" + (i + 1) + ".txt"), jcmd(pids.get(i), "GC.class_histogram"));
            }
        }

        void afterStreams() throws Exception {
            for (int i = 0; dir != null && i < pids.size(); i++) {
                Files.writeString(dir.resolve("nmt-diff-" + (i + 1) + ".txt"),
                        jcmd(pids.get(i), "VM.native_memory", "summary.diff"));
                Files.writeString(dir.resolve("histogram-after-" + (i + 1) + ".txt"), jcmd(pids.get(i), "GC.class_histogram"));
                Files.writeString(dir.resolve("threads-after-" + (i + 1) + ".txt"), jcmd(pids.get(i), "Thread.print"));
            }
        }

        void startRecording() throws Exception {
            for (int i = 0; dir != null && i < pids.size(); i++) {
                jcmd(pids.get(i), "JFR.start", "name=bids", "settings=profile",
                        "filename=" + dir.toAbsolutePath().resolve("instance-" + (i + 1) + ".jfr"));
            }
            if (client != null) {
                client.start();
            }
        }

        void stopRecording() throws Exception {
            for (int i = 0; dir != null && i < pids.size(); i++) {
                jcmd(pids.get(i), "JFR.stop", "name=bids");
            }
            if (client != null) {
                client.stop();
                client.dump(dir.resolve("client.jfr"));
            }
        }
    }

    static String register(String base, String role) throws Exception {
        String email = role + "-" + UUID.randomUUID() + "@bench.test";
        String password = "bench " + UUID.randomUUID();
        post(base, "/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"role\":\"" + ("seller".equals(role) ? "seller" : "buyer") + "\"}");
        return login(base, email, password);
    }

    static String login(String base, String email, String password) throws Exception {
        return field(post(base, "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}"), "access_token");
    }

    static String post(String base, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
