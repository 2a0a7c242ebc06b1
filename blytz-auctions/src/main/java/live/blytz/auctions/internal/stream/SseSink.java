package live.blytz.auctions.internal.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A subscriber's stream as Spring MVC's asynchronous {@link SseEmitter}: no request thread is held while it is open.
 * Frames are written as the bytes rendered once per event: one message-converter call per event and subscriber, not
 * a JSON serialization each (ADR 0028; most of the fan-out's time in the benchmark's profile).
 */
final class SseSink implements StreamSink {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(Frame frame) throws IOException {
        write(frame.bytes());
    }

    @Override
    public void heartbeat() throws IOException {
        write(HEARTBEAT);
    }

    private void write(byte[] bytes) throws IOException {
        emitter.send(Set.of(new DataWithMediaType(bytes, MediaType.TEXT_EVENT_STREAM)));
    }

    @Override
    public void close(@Nullable Duration retry) {
        try {
            if (retry != null) {
                emitter.send(SseEmitter.event().reconnectTime(retry.toMillis()).comment("closing"));
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the stream already ended: nothing left to close
        }
    }
}
