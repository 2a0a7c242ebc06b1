package live.blytz.auctions.internal.stream;

/**
 * An event as the bytes of its SSE frame ({@code id:}, {@code event:} and {@code data:} lines), rendered once however
 * many subscribers it goes to: a hub renders each event it reads once, not once per subscriber (ADR 0028).
 */
record Frame(StreamEvent event, byte[] bytes) {

    long seq() {
        return event.seq();
    }
}
