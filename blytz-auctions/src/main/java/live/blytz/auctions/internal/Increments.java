package live.blytz.auctions.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import live.blytz.sharedkernel.Money;
import org.springframework.stereotype.Component;

/**
 * The configured price-band table ({@link AuctionsProperties#increments()}): the least step from a price to the next
 * acceptable bid. A step finer than the currency's minor unit is rounded up to it (a 0.05 band in yen steps by 1).
 */
@Component
public class Increments {

    private final List<AuctionsProperties.Band> bands;

    public Increments(AuctionsProperties properties) {
        this.bands = List.copyOf(properties.increments());
    }

    /** The increment that applies at {@code price}: the band with the highest {@code from} not above it. */
    public Money at(Money price) {
        BigDecimal step = bands.getFirst().increment();
        for (AuctionsProperties.Band band : bands) {
            if (band.from().compareTo(price.amount()) <= 0) {
                step = band.increment();
            }
        }
        int digits = Math.max(price.currency().getDefaultFractionDigits(), 0);
        return Money.of(step.setScale(digits, RoundingMode.CEILING), price.currency());
    }

    /** {@code price} plus its increment. */
    public Money above(Money price) {
        return price.plus(at(price));
    }
}
