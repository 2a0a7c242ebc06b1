package live.blytz.auctions.internal.show;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live shows' settings ({@code blytz.auctions.shows.*}), checked at start.
 *
 * @param countdown        a started lot's auction runs this long (unless bids extend it)
 * @param extension        its soft close: a bid within this long of the end moves the end to the bid's time plus this
 * @param maxLots          lots one show may hold
 * @param followInterval   how often each instance copies the facts of running lots' auctions into their shows' logs
 *                         when no commit on this instance said so (a lot started or bid on elsewhere, a crash)
 * @param staleAfter       a show still scheduled this long after its start is ended (its lots free their products)
 */
@Validated
@ConfigurationProperties("blytz.auctions.shows")
public record ShowProperties(
        @NotNull @DefaultValue("30s") Duration countdown,
        @NotNull @DefaultValue("10s") Duration extension,
        @Min(1) @Max(MAX_LOTS) @DefaultValue("200") int maxLots,
        @NotNull @DefaultValue("1s") Duration followInterval,
        @NotNull @DefaultValue("24h") Duration staleAfter) {

    /** The most lots any configuration allows a show (a request lists at most this many). */
    public static final int MAX_LOTS = 1000;

    @AssertTrue(message = "countdown and extension must be at least 1s, follow-interval at least 10ms")
    public boolean isDurationsConsistent() {
        if (countdown == null || extension == null || followInterval == null) {
            return true;
        }
        return countdown.toMillis() >= 1000 && extension.toMillis() >= 1000 && followInterval.toMillis() >= 10;
    }
}
