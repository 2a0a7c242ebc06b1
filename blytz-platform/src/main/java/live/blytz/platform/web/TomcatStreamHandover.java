package live.blytz.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import live.blytz.sharedkernel.web.StreamConnection;
import live.blytz.sharedkernel.web.StreamHandover;

/**
 * {@link StreamHandover} on Tomcat: the request is "upgraded" to {@link HandedOverStream} but answered 200 with
 * {@code Connection: close}, so the client gets an ordinary response whose body is everything written until the
 * connection closes (no chunked framing), while Tomcat releases the request's processor as it does for any upgrade.
 * The head carries everything the filters set on the way (security headers, CORS, the request id).
 */
final class TomcatStreamHandover implements StreamHandover {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    TomcatStreamHandover(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public void handOver(String contentType, Map<String, String> headers, Consumer<StreamConnection> opened,
            Runnable abandoned) {
        response.setContentType(contentType);
        headers.forEach(response::setHeader);
        if ("HEAD".equals(request.getMethod())) {
            abandoned.run(); // the head a GET would get, and no stream
            return;
        }
        try {
            HandedOverStream stream = request.upgrade(HandedOverStream.class);
            stream.bind(opened, abandoned);
            // upgrade() set 101 Switching Protocols: this is a plain response whose body is the stream.
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("Connection", "close");
            // The head goes out now, without a length: left to the end of the request, an empty body would get
            // Content-Length: 0.
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException("Tomcat refused to hand the connection over", e);
        }
    }
}
