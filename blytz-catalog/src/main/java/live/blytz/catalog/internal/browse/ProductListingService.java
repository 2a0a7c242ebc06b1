package live.blytz.catalog.internal.browse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.catalog.internal.browse.ProductListResponse.Total;
import live.blytz.catalog.internal.browse.ProductListingQueries.After;
import live.blytz.catalog.internal.browse.ProductListingQueries.Keyed;
import live.blytz.catalog.internal.cache.CacheKeys;
import live.blytz.catalog.internal.cache.SharedCache;
import live.blytz.catalog.internal.product.ProductStatus;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product lists: the public, filtered listing (offset or keyset paging) and a seller's own products. Hot public
 * pages (the first offset pages and every keyset slice of a listing without full-text search) are cached as ready
 * documents, and every filter's total, under the catalog generation, which every change redraws (ADR 0029).
 */
@Service
class ProductListingService {

    /** Offset pages up to this one are cached; deeper ones are rare and each is a different key. */
    static final int CACHED_PAGES = 5;
    private static final String ESTIMATED = "~";

    private final ProductListingQueries queries;
    private final CursorCodec cursors;
    private final SharedCache cache;
    private final JsonMapper json;
    private final int exactTotalLimit;

    ProductListingService(ProductListingQueries queries, CursorCodec cursors, SharedCache cache, JsonMapper json,
            CatalogProperties properties) {
        this.queries = queries;
        this.cursors = cursors;
        this.cache = cache;
        this.json = json;
        this.exactTotalLimit = properties.exactTotalLimit();
    }

    /**
     * Listed products: active, of active sellers. Without {@code cursor} this is offset paging with a total (exact up
     * to {@code blytz.catalog.exact-total-limit}, estimated beyond); with it, the slice after the cursor's row, whose
     * cost does not depend on how deep the client has scrolled. Not transactional: a cached page needs no connection.
     */
    ProductListDocument listed(ProductFilter requested, @Nullable String sortParameter, @Nullable Integer page,
            @Nullable Integer pageSize, @Nullable String cursor) {
        ProductFilter filter = requested.checked();
        ProductSort sort = ProductSort.parse(sortParameter, filter.q() != null);
        if (cursor != null && page != null) {
            throw ValidationException.of("cursor", "cannot be combined with page");
        }
        PageRequest request = PageRequest.of(page, pageSize);
        After after = cursor == null ? null : after(cursor, sort);
        Optional<String> generation = cache.generation();
        boolean hot = filter.q() == null && (cursor != null || request.page() <= CACHED_PAGES);
        Optional<String> key = generation.filter(g -> hot).map(g -> CacheKeys.listing(g,
                filterQuery(filter) + "&sort=" + sort.code() + "&size=" + request.pageSize()
                        + (cursor == null ? "&page=" + request.page() : "&cursor=" + cursor)));
        Optional<String> cached = key.flatMap(cache::get);
        if (cached.isPresent()) {
            return new ProductListDocument(cached.get());
        }
        String document = json.writeValueAsString(load(filter, sort, request, after, generation));
        key.ifPresent(k -> cache.offer(k, document));
        return new ProductListDocument(document);
    }

    /** Every product of one seller that is not deleted, in every status, newest first. */
    @Transactional(readOnly = true)
    ProductListResponse ofSeller(UserId seller, @Nullable ProductStatus status, @Nullable Integer page,
            @Nullable Integer pageSize) {
        PageRequest request = PageRequest.of(page, pageSize);
        List<ProductSummary> items = queries.ofSeller(seller, status, request.pageSize(), request.offset());
        return new ProductListResponse(items, ProductListResponse.Pagination.offset(request,
                Total.exact(queries.countOfSeller(seller, status)), null));
    }

    private ProductListResponse load(ProductFilter filter, ProductSort sort, PageRequest request, @Nullable After after,
            Optional<String> generation) {
        long offset = after == null ? request.offset() : 0;
        List<Keyed> rows = queries.page(filter, sort, after, request.pageSize() + 1, offset);
        boolean more = rows.size() > request.pageSize();
        List<Keyed> shown = more ? rows.subList(0, request.pageSize()) : rows;
        String nextCursor = more ? cursors.encode(Cursor.of(sort.code(), shown.getLast().key(),
                shown.getLast().product().id().toString())) : null;
        List<ProductSummary> items = shown.stream().map(Keyed::product).toList();
        if (after != null) {
            return new ProductListResponse(items, ProductListResponse.Pagination.keyset(request.pageSize(), nextCursor));
        }
        return new ProductListResponse(items, ProductListResponse.Pagination.offset(request,
                total(filter, generation), nextCursor));
    }

    /**
     * The filter's total, cached under the generation like the pages (as {@code 123} or, for an estimate,
     * {@code ~123}): every page and sort of one filter shares it, searches included.
     */
    private Total total(ProductFilter filter, Optional<String> generation) {
        Optional<String> key = generation.map(g -> CacheKeys.listingTotal(g, filterQuery(filter)));
        Optional<String> cached = key.flatMap(cache::get);
        if (cached.isPresent()) {
            String value = cached.get();
            boolean estimated = value.startsWith(ESTIMATED);
            return new Total(Long.parseLong(estimated ? value.substring(1) : value), !estimated);
        }
        Total total = queries.total(filter, exactTotalLimit);
        key.ifPresent(k -> cache.offer(k, (total.exact() ? "" : ESTIMATED) + total.value()));
        return total;
    }

    /** One spelling of a filter for cache keys: equal filters, equal keys. */
    private static String filterQuery(ProductFilter filter) {
        return "c=" + filter.categoryId() + "&s=" + filter.sellerId() + "&cond=" + filter.condition()
                + "&min=" + plain(filter.minPrice()) + "&max=" + plain(filter.maxPrice()) + "&f=" + filter.featured()
                + (filter.q() == null ? "" : "&q=" + filter.q());
    }

    private static @Nullable String plain(@Nullable BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros().toPlainString();
    }

    /** The position a signed cursor names, its values checked as strictly as the filters (ADR 0017). */
    private After after(String encoded, ProductSort sort) {
        Cursor cursor = cursors.decode(encoded, 3);
        if (!cursor.get(0).equals(sort.code())) {
            throw ValidationException.of("cursor", "was issued for another sort order; start again without it");
        }
        return new After(sort.key().parse(cursor.get(1)), CursorCodec.id(cursor.get(2)));
    }
}
