package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void carriesExactlyTheCurrencysMinorUnits() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("3.100", "EUR").amount()).isEqualTo(new BigDecimal("3.10"));
    }

    @Test
    void refusesMorePrecisionThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("0.105", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("10.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAmountsBeyondAnyMoneyQuicklyAndWithoutEchoingThem() {
        long started = System.nanoTime();
        for (String amount : new String[] {"1E-20000000", "1E-999999999", "1E+999999999", "-1E+999999999",
                "1e-2147483647", "1" + "0".repeat(15), "0.00001"}) {
            assertThat(Money.outOfBounds(new BigDecimal(amount))).as(amount).isPresent();
            assertThatThrownBy(() -> Money.of(amount, "EUR")).as(amount)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("0000");
        }
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(1_000_000_000L);
        for (String amount : new String[] {"999999999999999.9999", "0E+999999999", "0E-999999999", "25.000000000", "1E+3"}) {
            assertThat(Money.outOfBounds(new BigDecimal(amount))).as(amount).isEmpty();
        }
        assertThat(Money.of("1E+3", "EUR").amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThat(Money.of("1.00", "USD").minus(Money.of("0.99", "USD"))).isEqualTo(Money.of("0.01", "USD"));
    }

    @Test
    void comparesWithinOneCurrencyOnly() {
        assertThat(Money.of("10", "EUR").isGreaterThan(Money.of("9.99", "EUR"))).isTrue();
        assertThat(Money.of("10.00", "EUR")).isEqualByComparingTo(Money.of("10", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsSign() {
        assertThat(Money.of("0.01", "EUR").isPositive()).isTrue();
        assertThat(Money.of("0", "EUR").isPositive()).isFalse();
    }
}
