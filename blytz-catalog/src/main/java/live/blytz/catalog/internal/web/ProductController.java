package live.blytz.catalog.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import live.blytz.catalog.internal.Prices;
import live.blytz.catalog.internal.ProductCondition;
import live.blytz.catalog.internal.ProductDetails;
import live.blytz.catalog.internal.ProductDocument;
import live.blytz.catalog.internal.ProductFilter;
import live.blytz.catalog.internal.ProductList;
import live.blytz.catalog.internal.ProductListing;
import live.blytz.catalog.internal.ProductService;
import live.blytz.catalog.internal.ProductStatus;
import live.blytz.catalog.internal.PublicProducts;
import live.blytz.catalog.internal.web.Envelopes.ProductEnvelope;
import live.blytz.sharedkernel.paging.CursorCodec;
import live.blytz.sharedkernel.web.ClientAddress;
import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Products", description = """
        Products sellers list. Only the product's seller or an admin changes it. Another seller gets 404 for a product \
        that is not public (draft, archived, deleted, or of a suspended seller: its existence is not disclosed) and 403 \
        for a public one (active or sold: everyone can see it exists, so a 404 would hide nothing).""")
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final ProductService products;
    private final ProductListing listing;
    private final PublicProducts publicProducts;

    ProductController(ProductService products, ProductListing listing, PublicProducts publicProducts) {
        this.products = products;
        this.listing = listing;
        this.publicProducts = publicProducts;
    }

    @Operation(operationId = "listProducts", summary = "Browse active products",
            description = """
                    Active products of active sellers, filtered and sorted. Offset paging (`page`, `page_size`, with \
                    `total`) or keyset paging: pass a response's `pagination.next_cursor` as `cursor` (with the same \
                    filters and sort) for the next rows, at a cost independent of depth (no `total` then). With `q` \
                    and no `sort`, the best matches come first. Items are summaries; the detail has every field.""")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "A filter, sort or page parameter out of range, or a cursor this "
            + "API did not issue (see cursor)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping
    ProductList list(
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
                    + "(\"quoted phrases\", -excluded, or)", schema = @Schema(maxLength = ProductListing.MAX_QUERY_LENGTH))
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
    ProductList mine(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "Only products in this status",
                    schema = @Schema(allowableValues = {"draft", "active", "sold", "archived"}))
            @RequestParam(required = false) @Nullable ProductStatus status,
            @Parameter(description = "1-based page")
            @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(name = "page_size", required = false) @Nullable Integer pageSize) {
        return listing.ofSeller(Callers.of(jwt).id(), status, page, pageSize);
    }

    @Operation(operationId = "getProduct", summary = "One product",
            description = "Drafts and archived products are visible only to their seller and admins (404 for everyone "
                    + "else), as are the products of a suspended seller. The reserve price is shown only to the seller "
                    + "and admins. Each read by someone else counts as a view (view_count is updated in batches).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductEnvelope.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such product, or not visible to the caller",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping("/{id}")
    ProductDocument get(@PathVariable UUID id, @AuthenticationPrincipal @Nullable Jwt jwt, ClientAddress client) {
        return publicProducts.document(id, Callers.ofNullable(jwt), client);
    }

    @Operation(operationId = "createProduct", summary = "Create a product (seller, admin)",
            description = "Created as a draft of the caller. Price rules: starting_price > 0, reserve_price >= "
                    + "starting_price, buy_now_price > starting_price; failing fields are all listed.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "201",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProductEnvelope> create(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody ProductRequests.Create body) {
        ProductDetails created = products.create(Callers.of(jwt), body.command());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(new ProductEnvelope(created));
    }

    @Operation(operationId = "updateProduct", summary = "Change a product (its seller, admin)",
            description = "Partial update; the price rules are checked on the merged result. status moves only along "
                    + "draft → active → sold, active → draft and any → archived (anything else 409); a sold or "
                    + "archived product cannot be edited (409). The version it is based on is optional, as `version` "
                    + "in the body or as If-Match (both sent must agree, else 400); a stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "A public product of another seller",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product, or a non-public one of another seller",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Illegal status move, product not editable, or stale version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductEnvelope update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Update body) {
        Long expectedVersion = ExpectedVersion.of(body.getVersion(), ifMatch);
        return new ProductEnvelope(products.update(Callers.of(jwt), id, body.changes(), expectedVersion));
    }

    @Operation(operationId = "deleteProduct", summary = "Delete a product (its seller, admin)", description = "A soft delete: nobody sees it any more.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "204")
    @ApiResponse(responseCode = "403", description = "A public product of another seller",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product, or a non-public one of another seller",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Stale version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        products.delete(Callers.of(jwt), id, ExpectedVersion.of(null, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "setProductFeatured", summary = "Feature or unfeature a product (admin)",
            description = "The version it is based on is optional, as `version` in the body or as If-Match; a stale "
                    + "one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Stale version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PutMapping(path = "/{id}/featured", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductEnvelope feature(@PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Featured body) {
        Long expectedVersion = ExpectedVersion.of(body.version(), ifMatch);
        return new ProductEnvelope(products.feature(id, body.featured(), expectedVersion));
    }
}
