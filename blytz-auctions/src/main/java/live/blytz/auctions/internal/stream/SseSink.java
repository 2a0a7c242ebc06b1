package live.blytz.auctions.internal.stream;

import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A subscriber's stream as Spring MVC's asynchronous {@link SseEmitter}: no request thread is held while it is open. */
final class SseSink implements StreamSink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(event.seq())).name(event.name()).data(event.data()));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
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
