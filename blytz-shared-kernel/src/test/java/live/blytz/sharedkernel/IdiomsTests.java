package live.blytz.sharedkernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.SortOrder;
import org.junit.jupiter.api.Test;

/** The small shared rules every module uses the same way: patches, names, URLs, sort orders. */
class IdiomsTests {

    enum Key { CREATED_AT, PRICE }

    @Test
    void aPatchTellsAbsentFromNull() {
        assertThat(Patch.<String>absent().orElse("kept")).isEqualTo("kept");
        assertThat(Patch.<String>of(null).orElse("kept")).isNull();
        assertThat(Patch.of("new").orElse("kept")).isEqualTo("new");
        assertThat(Patch.of("7").map(Integer::parseInt).orElse(1)).isEqualTo(7);
        assertThat(Patch.<String>absent().map(Integer::parseInt).isSent()).isFalse();
    }

    @Test
    void namesArePlainSingleLineTextWithinTheirLength() {
        assertThat(PersonNames.problem("Ada", 1, PersonNames.MAX_NAME)).isEmpty();
        assertThat(PersonNames.problem("x".repeat(51), 1, PersonNames.MAX_NAME)).isPresent();
        assertThat(PersonNames.problem("A", 2, 40)).isPresent();
        assertThat(PersonNames.problem("<b>Ada</b>", 1, 50)).isPresent();
        assertThat(PersonNames.problem("Ada\nLovelace", 1, 50)).isPresent();
    }

    @Test
    void urlsAreAbsoluteHttpWithAHostAndNoCredentials() {
        assertThat(HttpUrls.problem("https://cdn.blytz.live/a.png")).isEmpty();
        assertThat(HttpUrls.problem("javascript:alert(1)")).isPresent();
        assertThat(HttpUrls.problem("https://user:pw@cdn.blytz.live/a.png")).isPresent();
        assertThat(HttpUrls.problem("/relative.png")).isPresent();
        assertThat(HttpUrls.problem("https://cdn.blytz.live/" + "a".repeat(HttpUrls.MAX_LENGTH))).isPresent();
        assertThat(HttpUrls.normalise("HTTPS://cdn.blytz.live/A.png")).isEqualTo("https://cdn.blytz.live/A.png");
    }

    @Test
    void sortOrdersAreACodeWithAnOptionalMinus() {
        assertThat(SortOrder.parse("-price", Key.class)).isEqualTo(new SortOrder<>(Key.PRICE, true));
        assertThat(SortOrder.parse("created_at", Key.class)).isEqualTo(new SortOrder<>(Key.CREATED_AT, false));
        assertThatThrownBy(() -> SortOrder.parse("PRICE", Key.class)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly(
                        new FieldError("sort", "must be one of created_at, -created_at, price, -price")));
    }
}
