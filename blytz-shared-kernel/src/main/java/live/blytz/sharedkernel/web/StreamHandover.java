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
     * Sends the head with {@code contentType} and {@code headers} now, then calls {@code opened} with the connection;
     * {@code abandoned} instead when the client went away before that, or at once for a HEAD request (which gets the
     * head only). At most one of them runs, once, on a server thread: keep it short. When this method throws (the
     * client left while the head went out), {@code abandoned} may still run.
     */
    void handOver(String contentType, Map<String, String> headers, Consumer<StreamConnection> opened,
            Runnable abandoned);
}
