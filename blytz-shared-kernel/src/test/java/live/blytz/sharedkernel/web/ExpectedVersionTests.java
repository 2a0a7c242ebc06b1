package live.blytz.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;

class ExpectedVersionTests {

    @Test
    void theVersionIsOptionalAndMayComeFromEitherPlaceOrBoth() {
        assertThat(ExpectedVersion.of(null, null)).isNull();
        assertThat(ExpectedVersion.of(null, " ")).isNull();
        assertThat(ExpectedVersion.of(3L, null)).isEqualTo(3L);
        assertThat(ExpectedVersion.of(null, "\"3\"")).isEqualTo(3L);
        assertThat(ExpectedVersion.of(3L, "W/\"3\"")).isEqualTo(3L);
    }

    @Test
    void aBodyAndHeaderThatDisagreeOrAMalformedOneAreOne400() {
        assertThatThrownBy(() -> ExpectedVersion.of(3L, "\"4\""))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("version"));
        assertThatThrownBy(() -> ExpectedVersion.of(-1L, "*"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactlyInAnyOrder("If-Match", "version"));
    }

    @Test
    void onlyAStatedStaleVersionIsAConflict() {
        assertThatNoException().isThrownBy(() -> ExpectedVersion.check(null, 7, "product"));
        assertThatNoException().isThrownBy(() -> ExpectedVersion.check(7L, 7, "product"));
        assertThatThrownBy(() -> ExpectedVersion.check(6L, 7, "product"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 7, not 6");
    }
}
