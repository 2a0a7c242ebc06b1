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
        assertThat(new PageRequest(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
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
}
