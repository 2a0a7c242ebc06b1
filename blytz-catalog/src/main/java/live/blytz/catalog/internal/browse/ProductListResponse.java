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
     * Offset pages carry {@code page, total, total_pages}; keyset slices (requested with {@code cursor}) leave them
     * out, because counting would make their cost grow with the table. Both carry {@code next_cursor}.
     */
    @Schema(name = "ProductPagination")
    record Pagination(
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer page,
            int pageSize,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long total,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer totalPages,
            @Schema(nullable = true, description = "Pass as `cursor` for the rows after this page; null on the last page")
            @Nullable String nextCursor) {

        static Pagination offset(PageRequest request, long total, @Nullable String nextCursor) {
            return new Pagination(request.page(), request.pageSize(), total,
                    (int) ((total + request.pageSize() - 1) / request.pageSize()), nextCursor);
        }

        static Pagination keyset(int pageSize, @Nullable String nextCursor) {
            return new Pagination(null, pageSize, null, null, nextCursor);
        }
    }
}
