package live.blytz.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTests {

    @Test
    void aVersionRoundTripsThroughItsEntityTag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.versionIn(EntityTags.of(42))).isEqualTo(42L);
        assertThat(EntityTags.versionIn("W/\"7\"")).isEqualTo(7L);
    }

    @Test
    void noHeaderIsNoVersion() {
        assertThat(EntityTags.versionIn(null)).isNull();
        assertThat(EntityTags.versionIn("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "*", "\"abc\"", "\"-1\"", "\"1234567890123456789\"", "W/3"})
    void anythingButAQuotedVersionIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> EntityTags.versionIn(header))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().extracting("field").isEqualTo("If-Match"));
    }
}
