package live.blytz.auctions.internal.auction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an instance admits the bids and buy-now attempts of one auction ({@code blytz.auctions.admission.*}), checked at
 * start. See {@link BidAdmission}.
 *
 * @param permits  decisions of one auction this instance runs at once (each holds a database connection): one may
 *                 hold the row lock while the next one's statements before the lock already run
 * @param maxWait  how long a bid waits for its turn before a 503 with Retry-After
 * @param maxQueue bids of one auction that may wait on this instance; one more is refused at once (503)
 */
@Validated
@ConfigurationProperties("blytz.auctions.admission")
public record BidAdmissionProperties(
        @Min(1) @Max(100) @DefaultValue("2") int permits,
        @NotNull @DefaultValue("1s") Duration maxWait,
        @Min(0) @DefaultValue("200") int maxQueue) {
}
