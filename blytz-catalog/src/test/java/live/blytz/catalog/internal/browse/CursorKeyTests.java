package live.blytz.catalog.internal.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import live.blytz.catalog.internal.browse.ProductSort.Key;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Each key a cursor carries is checked as strictly as the matching filter, so that even a cursor signed with a
 * leaked key cannot bind a crafted value (a price of scale 20,000,000 cost seconds of CPU in the driver).
 */
class CursorKeyTests {

    @Test
    void aPriceKeyHasTheRangeAndScaleOfThePriceFilters() {
        assertThat(Key.PRICE.parse("25.50")).isEqualTo(new BigDecimal("25.50"));
        assertThat(Key.PRICE.parse("9999999999.99")).isEqualTo(new BigDecimal("9999999999.99"));
        long started = System.nanoTime();
        for (String price : new String[] {"1E-20000000", "1E+999999999", "-1", "10000000000", "0.001", "NaN", ""}) {
            assertRefused(Key.PRICE, price);
        }
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(1_000_000_000L);
    }

    @Test
    void aTimestampKeyIsAStoredMicrosecondInstant() {
        assertThat(Key.CREATED_AT.parse("2026-11-25T14:20:00.123456Z"))
                .isEqualTo(Timestamp.from(Instant.parse("2026-11-25T14:20:00.123456Z")));
        for (String instant : new String[] {"+1000000000-01-01T00:00:00Z", "-50000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "2026-11-25T14:20:00.123456789Z", "yesterday"}) {
            assertRefused(Key.CREATED_AT, instant);
        }
    }

    @Test
    void aTitleKeyIsWhatTheTitleColumnCanHold() {
        assertThat(Key.TITLE.parse("Vintage lamp")).isEqualTo("Vintage lamp");
        assertThat(Key.TITLE.parse("\uD83D\uDCA1".repeat(200))).isEqualTo("\uD83D\uDCA1".repeat(200));
        for (String title : new String[] {"ab", "x".repeat(201), "Lamp\u0000", "Lamp\nLamp", "Lamp\u001b[31m"}) {
            assertRefused(Key.TITLE, title);
        }
    }

    @Test
    void viewCountsAndRanksAreNonNegativeAndFinite() {
        assertThat(Key.VIEW_COUNT.parse("0")).isEqualTo(0L);
        assertThat(Key.VIEW_COUNT.parse(Long.toString(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        for (String views : new String[] {"-1", "9223372036854775808", "1e3", "1.5"}) {
            assertRefused(Key.VIEW_COUNT, views);
        }
        assertThat(Key.RELEVANCE.parse("0.0607927")).isEqualTo(0.0607927f);
        for (String rank : new String[] {"NaN", "Infinity", "-Infinity", "-0.5", "1e39"}) {
            assertRefused(Key.RELEVANCE, rank);
        }
    }

    private static void assertRefused(Key key, String value) {
        assertThatThrownBy(() -> key.parse(value)).as(value)
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("cursor"));
    }
}
