package live.blytz.auctions.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The auctions' settings ({@code blytz.auctions.*}), checked at start.
 *
 * @param increments      the price bands: from each {@code from} price on, the next bid is at least {@code increment}
 *                        higher; the first band starts at 0 and the bands ascend
 * @param extension       soft close: a bid accepted within this long of the end moves the end to the bid's time plus
 *                        this
 * @param closerInterval  how often each instance looks for auctions due to start or end
 * @param closerBatch     at most this many auctions per look and transaction
 * @param minDuration     an auction runs at least this long
 * @param maxDuration     and at most this long
 * @param maxScheduleAhead an auction starts at most this far in the future
 * @param bidsPerAccount  bids (and buy-now attempts) one account may send per window, on every instance together
 * @param idempotencyKeyTtl how long a bid's Idempotency-Key and first outcome are kept (a retry after that is a new bid)
 */
@Validated
@ConfigurationProperties("blytz.auctions")
public record AuctionsProperties(
        @NotEmpty List<@Valid @NotNull Band> increments,
        @NotNull @DefaultValue("2m") Duration extension,
        @NotNull @DefaultValue("250ms") Duration closerInterval,
        @Min(1) @DefaultValue("100") int closerBatch,
        @NotNull @DefaultValue("1m") Duration minDuration,
        @NotNull @DefaultValue("30d") Duration maxDuration,
        @NotNull @DefaultValue("30d") Duration maxScheduleAhead,
        @Valid @NotNull @DefaultValue Limit bidsPerAccount,
        @NotNull @DefaultValue("24h") Duration idempotencyKeyTtl) {

    /** From price {@code from} on, bids rise by at least {@code increment}. */
    public record Band(@NotNull @DecimalMin("0") BigDecimal from,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal increment) {
    }

    public record Limit(@Min(1) @DefaultValue("60") long limit, @NotNull @DefaultValue("1m") Duration window) {
    }

    @AssertTrue(message = "the first band must start at 0 and each next one at a higher price")
    public boolean isIncrementsAscendingFromZero() {
        if (increments == null || increments.isEmpty() || increments.stream().anyMatch(b -> b == null || b.from() == null)) {
            return true; // reported by @NotEmpty / @NotNull
        }
        if (increments.getFirst().from().signum() != 0) {
            return false;
        }
        for (int i = 1; i < increments.size(); i++) {
            if (increments.get(i).from().compareTo(increments.get(i - 1).from()) <= 0) {
                return false;
            }
        }
        return true;
    }

    @AssertTrue(message = "durations must be positive, min-duration at most max-duration, extension at least 1s")
    public boolean isDurationsConsistent() {
        if (extension == null || minDuration == null || maxDuration == null || closerInterval == null
                || maxScheduleAhead == null) {
            return true;
        }
        return extension.toMillis() >= 1000 && closerInterval.toMillis() >= 10 && !minDuration.isNegative()
                && !minDuration.isZero() && minDuration.compareTo(maxDuration) <= 0 && !maxScheduleAhead.isNegative();
    }
}
