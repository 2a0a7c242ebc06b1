package live.blytz.catalog.internal.browse;

import java.util.List;
import live.blytz.catalog.internal.browse.ProductListingQueries.After;
import live.blytz.catalog.internal.browse.ProductListingQueries.Keyed;
import live.blytz.catalog.internal.product.ProductStatus;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product lists: the public, filtered listing (offset or keyset paging) and a seller's own products. */
@Service
class ProductListingService {

    private final ProductListingQueries queries;
    private final CursorCodec cursors;

    ProductListingService(ProductListingQueries queries, CursorCodec cursors) {
        this.queries = queries;
        this.cursors = cursors;
    }

    /**
     * Listed products: active, of active sellers. Without {@code cursor} this is offset paging with a total; with
     * it, the slice after the cursor's row, whose cost does not depend on how deep the client has scrolled.
     */
    @Transactional(readOnly = true)
    ProductListResponse listed(ProductFilter requested, @Nullable String sortParameter, @Nullable Integer page,
            @Nullable Integer pageSize, @Nullable String cursor) {
        ProductFilter filter = requested.checked();
        ProductSort sort = ProductSort.parse(sortParameter, filter.q() != null);
        if (cursor != null && page != null) {
            throw ValidationException.of("cursor", "cannot be combined with page");
        }
        PageRequest request = PageRequest.of(page, pageSize);
        After after = cursor == null ? null : after(cursor, sort);
        long offset = cursor == null ? request.offset() : 0;
        List<Keyed> rows = queries.page(filter, sort, after, request.pageSize() + 1, offset);
        boolean more = rows.size() > request.pageSize();
        List<Keyed> shown = more ? rows.subList(0, request.pageSize()) : rows;
        String nextCursor = more ? cursors.encode(Cursor.of(sort.code(), shown.getLast().key(),
                shown.getLast().product().id().toString())) : null;
        List<ProductSummary> items = shown.stream().map(Keyed::product).toList();
        if (cursor != null) {
            return new ProductListResponse(items, ProductListResponse.Pagination.keyset(request.pageSize(), nextCursor));
        }
        return new ProductListResponse(items,
                ProductListResponse.Pagination.offset(request, queries.count(filter), nextCursor));
    }

    /** Every product of one seller that is not deleted, in every status, newest first. */
    @Transactional(readOnly = true)
    ProductListResponse ofSeller(UserId seller, @Nullable ProductStatus status, @Nullable Integer page,
            @Nullable Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        List<ProductSummary> items = queries.ofSeller(seller, status, request.pageSize(), request.offset());
        return new ProductListResponse(items,
                ProductListResponse.Pagination.offset(request, queries.countOfSeller(seller, status), null));
    }

    /** The position a signed cursor names, its values checked as strictly as the filters (ADR 0017). */
    private After after(String encoded, ProductSort sort) {
        Cursor cursor = cursors.decode(encoded, 3);
        if (!cursor.get(0).equals(sort.code())) {
            throw ValidationException.of("cursor", "was issued for another sort order; start again without it");
        }
        return new After(sort.key().parse(cursor.get(1)), ProductSort.cursorId(cursor.get(2)));
    }
}
