package live.blytz.catalog.internal.browse;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** A page of products: {@code {"data": [...], "pagination": {...}}}. */
@Schema(name = "ProductList")
record ProductListResponse(List<ProductSummary> data, Pagination pagination) {

    /**
     * Offset pages carry {@code page, total, total_exact, total_pages}; keyset slices (requested with {@code cursor})
     * leave them out, because counting would make their cost grow with the table. Both carry {@code next_cursor}.
     */
    @Schema(name = "ProductPagination")
    record Pagination(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer page,
            int pageSize,
            @Schema(description = "Offset pages only. How many products match: exact up to a limit (10,000), beyond it "
                    + "an estimate from the database's statistics (total_exact false) that may be off either way")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long total,
            @Schema(description = "Offset pages only (with total): true when total is an exact count, false when it is "
                    + "an estimate (more products match than the exact limit)")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean totalExact,
            @Schema(description = "Offset pages only: total divided by page_size, rounded up (an estimate when total "
                    + "is one)")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer totalPages,
            @Schema(nullable = true, description = "Pass as `cursor` for the rows after this page; null on the last page")
            @Nullable String nextCursor) {

        static Pagination offset(PageRequest request, Total total, @Nullable String nextCursor) {
            return new Pagination(request.page(), request.pageSize(), total.value(), total.exact(),
                    (int) Math.min(Integer.MAX_VALUE, (total.value() + request.pageSize() - 1) / request.pageSize()),
                    nextCursor);
        }

        static Pagination keyset(int pageSize, @Nullable String nextCursor) {
            return new Pagination(null, pageSize, null, null, null, nextCursor);
        }
    }

    /** How many products match: counted exactly, or (beyond the exact limit) estimated. */
    record Total(long value, boolean exact) {

        static Total exact(long value) {
            return new Total(value, true);
        }
    }
}
