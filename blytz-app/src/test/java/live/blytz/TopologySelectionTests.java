package live.blytz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code BLYTZ_SERVICE} picks the process's modules (ADR 0033); a wrong value stops the start with its reason. */
class TopologySelectionTests {

    @Test
    void theServiceNamesItsLauncher() {
        assertThat(BlytzApplication.application(null).application().getAllSources())
                .containsExactly(BlytzApplication.class);
        assertThat(BlytzApplication.application("monolith").application().getAllSources())
                .containsExactly(BlytzApplication.class);
        assertThat(BlytzApplication.application("auth").application().getAllSources())
                .containsExactly(AuthServiceApplication.class);
        assertThat(BlytzApplication.application("marketplace").application().getAllSources())
                .containsExactly(MarketplaceApplication.class);
        assertThatThrownBy(() -> BlytzApplication.application("users"))
                .hasMessageContaining("BLYTZ_SERVICE must be monolith, auth or marketplace");
    }
}
