package live.blytz;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP proxy in front of auth's {@code /.well-known/jwks.json} that counts the requests it forwards: the
 * marketplace of the split test fetches auth's keys through it, so a test can see how often it does (real HTTP both
 * ways, the set auth really serves).
 */
final class JwksFetchCounter implements AutoCloseable {

    private static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final AtomicLong fetches = new AtomicLong();

    JwksFetchCounter(String authOrigin) {
        HttpClient client = HttpClient.newHttpClient();
        URI upstream = URI.create(authOrigin + PATH);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            fetches.incrementAndGet();
            try {
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(upstream).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type")
                        .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The URL the marketplace is given as auth's JWK Set. */
    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** How many times the JWK Set was fetched through this proxy so far. */
    long fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
