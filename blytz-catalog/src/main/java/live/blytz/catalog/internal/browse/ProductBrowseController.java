package live.blytz.catalog.internal.browse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import live.blytz.catalog.internal.product.Prices;
import live.blytz.catalog.internal.product.ProductCondition;
import live.blytz.catalog.internal.product.ProductResponse;
import live.blytz.catalog.internal.product.ProductStatus;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.EntityTags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The product reads: the public listing, a seller's own list and one product (the writes are the product package's). */
@Tag(name = "Products")
@RestController
@RequestMapping("/api/v1/products")
class ProductBrowseController {

    private final ProductListingService listing;
    private final ProductDetailService details;

    ProductBrowseController(ProductListingService listing, ProductDetailService details) {
        this.listing = listing;
        this.details = details;
    }

    @Operation(operationId = "listProducts", summary = "Browse active products",
            description = """
                    Active products of active sellers, filtered and sorted. Offset paging (`page`, `page_size`, with \
                    `total`) or keyset paging: pass a response's `pagination.next_cursor` as `cursor` (with the same \
                    filters and sort) for the next rows, at a cost independent of depth (no `total` then). `total` is \
                    exact up to 10,000 matching products; beyond that it is an estimate, flagged by `total_exact: \
                    false`. With `q` and no `sort`, the best matches come first. Items are summaries; the detail has \
                    every field. Every change to a product, category or seller shows in the next response.""")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductListResponse.class)))
    @ApiResponse(responseCode = "400", description = "A filter, sort or page parameter out of range, or a cursor this "
            + "API did not issue (see cursor)")
    @GetMapping
    ProductListDocument list(
            @Parameter(description = "Only this category and all its sub-categories")
            @RequestParam(name = "category_id", required = false) @Nullable UUID categoryId,
            @Parameter(description = "Only this seller's products")
            @RequestParam(name = "seller_id", required = false) @Nullable UUID sellerId,
            @Parameter(description = "Only products in this condition",
                    schema = @Schema(allowableValues = {"new", "like_new", "good", "fair", "poor"}))
            @RequestParam(required = false) @Nullable ProductCondition condition,
            @Parameter(description = "Lowest starting price (inclusive)",
                    schema = @Schema(type = "number", minimum = "0", maximum = Prices.MAX_TEXT))
            @RequestParam(name = "min_price", required = false) @Nullable BigDecimal minPrice,
            @Parameter(description = "Highest starting price (inclusive); at least min_price",
                    schema = @Schema(type = "number", minimum = "0", maximum = Prices.MAX_TEXT))
            @RequestParam(name = "max_price", required = false) @Nullable BigDecimal maxPrice,
            @Parameter(description = "true: only featured products; false: only the others")
            @RequestParam(required = false) @Nullable Boolean featured,
            @Parameter(description = "Full-text search over title (weighted higher) and description; web-search syntax "
                    + "(\"quoted phrases\", -excluded, or)", schema = @Schema(maxLength = ProductFilter.MAX_QUERY_LENGTH))
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "Prefix - for descending. Default -created_at, or -relevance when q is given; "
                    + "relevance only with q", schema = @Schema(allowableValues = {"created_at", "-created_at", "price",
                            "-price", "title", "-title", "view_count", "-view_count", "relevance", "-relevance"}))
            @RequestParam(required = false) @Nullable String sort,
            @Parameter(description = "1-based page (offset paging); not with cursor")
            @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize,
            @Parameter(description = "next_cursor of the previous response (keyset paging), passed back unchanged with "
                    + "the same filters and sort. Cursors are signed: an altered or made-up cursor, one issued for "
                    + "another sort, or one signed with a key since retired is a 400 naming cursor; start again "
                    + "without it", schema = @Schema(maxLength = CursorCodec.MAX_ENCODED_LENGTH))
            @RequestParam(required = false) @Nullable String cursor) {
        ProductFilter filter = new ProductFilter(categoryId, sellerId, condition, minPrice, maxPrice, featured, q);
        return listing.listed(filter, sort, page, pageSize, cursor);
    }

    @Operation(operationId = "listMyProducts", summary = "The caller's own products, in every status",
            description = "Newest first; deleted ones are gone.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200")
    @GetMapping("/mine")
    ProductListResponse mine(Caller caller,
            @Parameter(description = "Only products in this status",
                    schema = @Schema(allowableValues = {"draft", "active", "sold", "archived"}))
            @RequestParam(required = false) @Nullable ProductStatus status,
            @Parameter(description = "1-based page")
            @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return listing.ofSeller(caller.id(), status, page, pageSize);
    }

    @Operation(operationId = "getProduct", summary = "One product",
            description = "Drafts and archived products are visible only to their seller and admins (404 for everyone "
                    + "else), as are the products of a suspended seller. The reserve price is shown only to the seller "
                    + "and admins. Each read by someone else counts as a view (view_count is updated in batches).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductResponse.Envelope.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such product, or not visible to the caller")
    @GetMapping("/{id}")
    ProductDocument get(@PathVariable UUID id, @Nullable Caller caller, ClientAddress client) {
        return details.document(id, caller, client);
    }
}
