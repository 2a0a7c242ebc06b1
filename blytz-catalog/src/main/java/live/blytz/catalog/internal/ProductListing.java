package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product lists: the public, filtered listing (offset or keyset paging) and a seller's own products. */
@Service
public class ProductListing {

    public static final int MAX_QUERY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final CursorCodec cursors;

    ProductListing(JdbcClient jdbc, CursorCodec cursors) {
        this.jdbc = jdbc;
        this.cursors = cursors;
    }

    /**
     * Active products of active sellers. Without {@code cursor} this is offset paging with a total; with it, the
     * slice after the cursor's row, whose cost does not depend on how deep the client has scrolled.
     */
    @Transactional(readOnly = true)
    public ProductList listed(ProductFilter requested, @Nullable String sortParameter, @Nullable Integer page,
            @Nullable Integer pageSize, @Nullable String cursor) {
        ProductFilter filter = checked(requested);
        ProductSort sort = ProductSort.parse(sortParameter, filter.q() != null);
        if (cursor != null && page != null) {
            throw ValidationException.of("cursor", "cannot be combined with page");
        }
        PageRequest request = PageRequest.of(page, pageSize);
        ProductListingQuery.After after = cursor == null ? null : after(cursor, sort);
        long offset = cursor == null ? request.offset() : 0;
        ProductListingQuery query = ProductListingQuery.page(filter, sort, after, request.pageSize() + 1, offset);
        List<Keyed> rows = jdbc.sql(query.sql()).params(query.parameters())
                .query((rs, rowNum) -> new Keyed(ProductRepository.summary(rs, rowNum), sort.key().read(rs)))
                .list();
        boolean more = rows.size() > request.pageSize();
        List<Keyed> shown = more ? rows.subList(0, request.pageSize()) : rows;
        String nextCursor = more ? cursors.encode(Cursor.of(sort.code(), shown.getLast().key(),
                shown.getLast().product().id().toString())) : null;
        List<ProductSummary> items = shown.stream().map(Keyed::product).toList();
        if (cursor != null) {
            return new ProductList(items, ProductList.Pagination.keyset(request.pageSize(), nextCursor));
        }
        ProductListingQuery count = ProductListingQuery.count(filter);
        long total = jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
        return new ProductList(items, ProductList.Pagination.offset(request, total, nextCursor));
    }

    /** Every product of one seller that is not deleted, in every status, newest first. */
    @Transactional(readOnly = true)
    public ProductList ofSeller(UserId seller, @Nullable ProductStatus status, @Nullable Integer page,
            @Nullable Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        String where = " WHERE p.seller_id = :seller AND p.deleted_at IS NULL"
                + (status == null ? "" : " AND p.status = :status");
        List<ProductSummary> items = jdbc.sql("SELECT " + ProductRepository.SUMMARY_COLUMNS + " " + ProductRepository.JOINS
                        + where + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .param("seller", seller.value()).param("status", status == null ? "" : status.code())
                .param("limit", request.pageSize()).param("offset", request.offset())
                .query(ProductRepository::summary).list();
        long total = jdbc.sql("SELECT count(*) FROM catalog.products p" + where)
                .param("seller", seller.value()).param("status", status == null ? "" : status.code())
                .query(Long.class).single();
        return new ProductList(items, ProductList.Pagination.offset(request, total, null));
    }

    private static ProductFilter checked(ProductFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        checkPrice("min_price", filter.minPrice(), errors);
        checkPrice("max_price", filter.maxPrice(), errors);
        if (filter.minPrice() != null && filter.maxPrice() != null && filter.minPrice().compareTo(filter.maxPrice()) > 0) {
            errors.add(new FieldError("max_price", "must be at least min_price"));
        }
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProductFilter(filter.categoryId(), filter.sellerId(), filter.condition(), filter.minPrice(),
                filter.maxPrice(), filter.featured(), q);
    }

    /** A price bound must fit the prices it is compared with (NUMERIC(12,2)); a larger one would overflow in SQL. */
    private static void checkPrice(String field, @Nullable BigDecimal price, List<FieldError> errors) {
        String problem = price == null ? null : Prices.outOfRange(price);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    /** The position a signed cursor names, its values checked as strictly as the filters (ADR 0017). */
    private ProductListingQuery.After after(String encoded, ProductSort sort) {
        Cursor cursor = cursors.decode(encoded, 3);
        if (!cursor.get(0).equals(sort.code())) {
            throw ValidationException.of("cursor", "was issued for another sort order; start again without it");
        }
        return new ProductListingQuery.After(sort.key().parse(cursor.get(1)), ProductSort.cursorId(cursor.get(2)));
    }

    private record Keyed(ProductSummary product, String key) {
    }
}
