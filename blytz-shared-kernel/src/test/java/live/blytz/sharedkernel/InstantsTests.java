package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantsTests {

    @Test
    void nowIsTheClocksInstantInWholeMicroseconds() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:15:30.123456789Z"), ZoneOffset.UTC);
        assertThat(Instants.now(clock)).isEqualTo(Instant.parse("2026-12-02T10:15:30.123456Z"));
    }
}
