package live.blytz.sharedkernel.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTests {

    @Test
    void quotesShortValuesWholeAndLongOnesCutAtACodePoint() {
        assertThat(Echo.of("lamps")).isEqualTo("lamps");
        assertThat(Echo.of("x".repeat(5_000))).isEqualTo("x".repeat(Echo.MAX_CODE_POINTS) + "\u2026");
        String bulbs = "\uD83D\uDCA1".repeat(150);
        assertThat(Echo.of(bulbs)).isEqualTo("\uD83D\uDCA1".repeat(Echo.MAX_CODE_POINTS) + "\u2026");
        assertThat(NotFoundException.of("Category", "y".repeat(5_000)).getMessage()).hasSizeLessThan(130);
    }
}
