package live.blytz.users.internal.directory;

import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.paging.PageRequest;
import live.blytz.sharedkernel.paging.SortOrder;
import live.blytz.users.internal.account.AccountStatus;
import org.jspecify.annotations.Nullable;

/** The admin list's filters (free text over e-mail and names, role, status; each optional), order and page. */
public record UserSearch(@Nullable String q, @Nullable Role role, @Nullable AccountStatus status,
        SortOrder<SortKey> sort, PageRequest page) {

    static final int MAX_QUERY = 100;
    public static final SortOrder<SortKey> DEFAULT_SORT = new SortOrder<>(SortKey.CREATED_AT, true);

    /** What the list may be sorted by; the codes ({@code created_at}, ...) are the {@code sort} parameter's keys. */
    public enum SortKey {
        CREATED_AT, EMAIL, LAST_NAME, LAST_LOGIN_AT
    }

    /** The search the query parameters ask for; a 400 lists every parameter that is out of bounds. */
    static UserSearch of(@Nullable String q, @Nullable Role role, @Nullable AccountStatus status,
            @Nullable String sort, @Nullable Integer page, @Nullable Integer pageSize) {
        ValidationErrors errors = new ValidationErrors();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.codePointCount(0, text.length()) > MAX_QUERY) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        SortOrder<SortKey> order = sort == null ? DEFAULT_SORT : errors.collect(() -> SortOrder.parse(sort, SortKey.class));
        PageRequest pageRequest = errors.collect(() -> PageRequest.of(page, pageSize));
        errors.throwIfAny();
        return new UserSearch(text, role, status, order, pageRequest);
    }
}
