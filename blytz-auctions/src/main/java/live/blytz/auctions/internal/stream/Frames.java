package live.blytz.auctions.internal.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Renders events as SSE frames with the application's JSON settings (the same JSON a message converter writes). */
final class Frames {

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    Frame render(StreamEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(("id:" + event.seq() + "\nevent:" + event.name() + "\ndata:").getBytes(StandardCharsets.UTF_8));
        // Compact JSON holds no line break, so it is one data line.
        out.writeBytes(json.writeValueAsBytes(event.data()));
        out.writeBytes(new byte[] {'\n', '\n'});
        return new Frame(event, out.toByteArray());
    }
}
