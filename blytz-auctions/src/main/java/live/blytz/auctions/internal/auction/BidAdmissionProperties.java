package live.blytz.auctions.internal.auction;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an instance admits and batches the bids and buy-now attempts of one auction ({@code blytz.auctions.admission.*}),
 * checked at start. See {@link BidAdmission}.
 *
 * @param maxBatch bids one transaction of the auction decides together under its row lock
 * @param maxWait  how long a bid waits to be taken into a batch before a 503 with Retry-After
 * @param maxQueue bids of one auction that may wait on this instance while a batch is decided; one more is refused
 *                 at once (503)
 * @param linger   how long a batch's leader may wait, at most, while bids keep arriving, before it takes them: the
 *                 bids that one price change sets off arrive together, and one batch decides them better than two
 *                 (ADR 0036); zero takes the waiting bids at once
 */
@Validated
@ConfigurationProperties("blytz.auctions.admission")
public record BidAdmissionProperties(
        @Min(1) @Max(200) @DefaultValue("64") int maxBatch,
        @NotNull @DefaultValue("1s") Duration maxWait,
        @Min(0) @DefaultValue("200") int maxQueue,
        @NotNull @DefaultValue("4ms") Duration linger) {

    /** Lingering as long as a bid may wait to be taken would refuse the bids the leader waits for. */
    @AssertTrue(message = "linger must be zero or more, and shorter than max-wait")
    boolean isLingerWithinMaxWait() {
        return !linger.isNegative() && (linger.isZero() || linger.compareTo(maxWait) < 0);
    }
}
