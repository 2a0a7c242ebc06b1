package live.blytz.sharedkernel.web;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers the current request with a long one-way stream (Server-Sent Events) that no longer holds the web server's
 * per-request state: the response head goes out now (status 200, no length: the body runs until the connection
 * closes), then the connection is handed over, and the request's buffers go back to the server (ADR 0028). A
 * controller declares it as a parameter; it serves one request.
 */
public interface StreamHandover {

    /**
     * Sends the head with {@code contentType} and {@code headers} once the handler returns, then calls {@code opened}
     * with the connection; {@code abandoned} instead when the client went away before that. Either runs once, on a
     * server thread: keep it short.
     */
    void handOver(String contentType, Map<String, String> headers, Consumer<StreamConnection> opened,
            Runnable abandoned);
}
