package live.blytz.sharedkernel.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.Test;

class PagingTests {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageRequest request = PageRequest.of(null, null);
        assertThat(request).isEqualTo(new PageRequest(1, 20));
        assertThat(request.offset()).isZero();
        assertThat(new PageRequest(3, 50).offset()).isEqualTo(100);
    }

    @Test
    void refusesOutOfRangeValuesNamingEveryField() {
        assertThatThrownBy(() -> new PageRequest(0, 101))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting("field").containsExactly("page", "page_size"));
    }

    @Test
    void countsPages() {
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 0).totalPages()).isZero();
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 20).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of(), new PageRequest(1, 20), 21).totalPages()).isEqualTo(2);
    }

    @Test
    void aCursorRoundTrips() {
        Cursor cursor = Cursor.of("2026-11-25T14:20:00Z", "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");
        String encoded = cursor.encode();
        assertThat(encoded).doesNotContain("2026").matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded, 2)).isEqualTo(cursor);
    }

    @Test
    void aForeignOrTamperedCursorIsA400() {
        String encoded = Cursor.of("a", "b").encode();
        assertThatThrownBy(() -> Cursor.decode(encoded, 3)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%not-base64", 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Cursor.decode("x".repeat(600), 1)).isInstanceOf(ValidationException.class);
    }
}
