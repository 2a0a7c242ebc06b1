package live.blytz.users.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.sharedkernel.paging.SortOrder;
import org.junit.jupiter.api.Test;

/** The admin list's query parameters: checked together, so one 400 names every one that is wrong. */
class UserSearchTests {

    @Test
    void everyFailingParameterIsReportedAtOnce() {
        assertThatThrownBy(() -> UserSearch.of("x".repeat(UserSearch.MAX_QUERY + 1), null, null, "password", 0, 101))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("q", "sort", "page", "page_size"));
    }

    @Test
    void theSortNamesAKeyAndADirectionAndDefaultsToTheNewestFirst() {
        assertThat(UserSearch.of(null, null, null, "-last_login_at", null, null).sort())
                .isEqualTo(new SortOrder<>(UserSearch.SortKey.LAST_LOGIN_AT, true));
        assertThat(UserSearch.of(null, null, null, "email", null, null).sort())
                .isEqualTo(new SortOrder<>(UserSearch.SortKey.EMAIL, false));
        assertThat(UserSearch.of(null, null, null, null, null, null).sort()).isEqualTo(UserSearch.DEFAULT_SORT);
        assertThatThrownBy(() -> UserSearch.of(null, null, null, "EMAIL", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).isEqualTo("must be one of created_at, "
                                + "-created_at, email, -email, last_name, -last_name, last_login_at, -last_login_at")));
    }

    @Test
    void theTextIsTrimmedAndABlankOneFiltersNothing() {
        UserSearch search = UserSearch.of("  ada  ", Role.SELLER, null, null, 2, 10);
        assertThat(search.q()).isEqualTo("ada");
        assertThat(search.role()).isEqualTo(Role.SELLER);
        assertThat(search.page()).isEqualTo(new PageRequest(2, 10));
        assertThat(UserSearch.of("   ", null, null, null, null, null).q()).isNull();
    }
}
