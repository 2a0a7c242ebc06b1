package live.blytz.auctions.internal.stream;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live streams' settings ({@code blytz.auctions.stream.*}), checked at start.
 *
 * @param heartbeat   how often an idle stream gets a comment (so proxies keep it open), and how often each hub checks
 *                    the log for a fact whose broadcast it missed
 * @param retry       the reconnection delay sent to clients when the server closes their stream
 * @param maxAge      a stream is closed (with the retry hint) after this long; the client resumes with Last-Event-ID
 * @param queue       events held for one subscriber that has not taken them yet; one more and it is dropped
 * @param perClient   open streams per client address key, on this instance (429 beyond)
 * @param total       open streams on this instance (503 beyond); fewer when the heap holds fewer (heapPerStream)
 * @param batch       facts read from the log per query
 * @param heapPerStream the heap one open stream holds, most of it its connection's socket buffers (measured ~20 KB
 *                    once handed over, blytz-app/src/bench/live); at most half the maximum heap goes to streams,
 *                    so that a crowd gets 503s instead of running the instance out of memory
 */
@Validated
@ConfigurationProperties("blytz.auctions.stream")
public record AuctionStreamProperties(
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @NotNull @DefaultValue("3s") Duration retry,
        @NotNull @DefaultValue("30m") Duration maxAge,
        @Min(1) @Max(100_000) @DefaultValue("256") int queue,
        @Min(1) @DefaultValue("20") int perClient,
        @Min(1) @DefaultValue("20000") int total,
        @Min(1) @Max(10_000) @DefaultValue("500") int batch,
        @NotNull @DefaultValue("32KB") DataSize heapPerStream) {

    /** The open streams this instance admits: {@link #total}, or fewer if half the maximum heap holds fewer. */
    public int capacity(long maxHeap) {
        long fits = maxHeap / 2 / Math.max(1, heapPerStream.toBytes());
        return (int) Math.max(1, Math.min(total, fits));
    }

    @AssertTrue(message = "heartbeat, retry and max-age must be at least 10ms, and max-age longer than heartbeat")
    public boolean isDurationsConsistent() {
        if (heartbeat == null || retry == null || maxAge == null) {
            return true;
        }
        return heartbeat.toMillis() >= 10 && retry.toMillis() >= 10 && maxAge.compareTo(heartbeat) > 0;
    }
}
