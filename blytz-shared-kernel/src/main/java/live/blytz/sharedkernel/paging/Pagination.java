package live.blytz.sharedkernel.paging;

/** The {@code pagination} member of an offset-paginated list response: {@code {"data": [...], "pagination": {...}}}. */
public record Pagination(int page, int pageSize, long total, int totalPages) {

    public static Pagination of(Page<?> page) {
        return new Pagination(page.page(), page.pageSize(), page.total(), page.totalPages());
    }
}
