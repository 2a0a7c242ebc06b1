package live.blytz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every {@code RestTestClient} of the shared test context checks every response it receives against the OpenAPI
 * document the server itself serves ({@link OpenApiContract}): a response the document does not describe fails the
 * test that received it, whatever that test asserts. Part of the shared context (it lives under {@code live.blytz}).
 */
@Configuration(proxyBeanMethods = false)
class ContractCheckedClients {

    @Bean
    RestTestClientBuilderCustomizer contractCheckedResponses() {
        return builder -> builder.requestInterceptor(new ContractCheck());
    }

    /**
     * Reads the whole response, judges it, and hands the test a copy to read again. By default against the document
     * of the server the request went to; behind a reverse proxy, against that of the server the proxy sends it to.
     */
    static final class ContractCheck implements ClientHttpRequestInterceptor {

        private static final Map<String, OpenApiContract> CONTRACTS = new ConcurrentHashMap<>();
        private static final HttpClient SERVER = HttpClient.newHttpClient();

        private final @Nullable String documentOrigin;

        ContractCheck() {
            this.documentOrigin = null;
        }

        /** Checks against the document served at {@code documentOrigin} ({@code http://host:port}). */
        ContractCheck(String documentOrigin) {
            this.documentOrigin = documentOrigin;
        }

        @Override
        public ClientHttpResponse intercept(org.springframework.http.HttpRequest request, byte[] requestBody,
                ClientHttpRequestExecution execution) throws IOException {
            ClientHttpResponse response = execution.execute(request, requestBody);
            byte[] body;
            try (InputStream in = response.getBody()) {
                body = in.readAllBytes();
            }
            List<String> violations = contractOf(request.getURI()).violations(request.getMethod(), request.getURI(),
                    response.getStatusCode().value(), response.getHeaders().getContentType(), body);
            if (!violations.isEmpty()) {
                response.close();
                throw new AssertionError("The response breaks the served OpenAPI document:\n  "
                        + String.join("\n  ", violations) + "\nBody: " + excerpt(body));
            }
            return new Buffered(response, body);
        }

        private OpenApiContract contractOf(URI uri) {
            String origin = documentOrigin != null ? documentOrigin : uri.getScheme() + "://" + uri.getRawAuthority();
            return CONTRACTS.computeIfAbsent(origin, ContractCheck::fetch);
        }

        private static OpenApiContract fetch(String origin) {
            try {
                HttpResponse<String> document = SERVER.send(HttpRequest.newBuilder(URI.create(origin + "/v3/api-docs"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200) {
                    throw new IllegalStateException("GET /v3/api-docs answered " + document.statusCode());
                }
                return OpenApiContract.of(document.body());
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the OpenAPI document from " + origin, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String excerpt(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
        }
    }

    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
