package live.blytz.catalog.internal.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.web.EntityTags;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The product writes; the reads ({@code GET /products...}) are the browse package's, under the same tag. */
@Tag(name = "Products", description = """
        Products sellers list. Only the product's seller or an admin changes it. Another seller gets 404 for a product \
        that is not public (draft, archived, deleted, or of a suspended seller: its existence is not disclosed) and 403 \
        for a public one (active or sold: everyone can see it exists, so a 404 would hide nothing).""")
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @Operation(operationId = "createProduct", summary = "Create a product (seller, admin)",
            description = "Created as a draft of the caller. Price rules: starting_price > 0, reserve_price >= "
                    + "starting_price, buy_now_price > starting_price; failing fields are all listed.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "201",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProductResponse.Envelope> create(Caller caller, @Valid @RequestBody ProductRequests.Create body) {
        ProductResponse created = products.create(caller, body.command());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(new ProductResponse.Envelope(created));
    }

    @Operation(operationId = "updateProduct", summary = "Change a product (its seller, admin)",
            description = "Partial update; the price rules are checked on the merged result. status moves only along "
                    + "draft → active → sold, active → draft and any → archived (anything else 409); a sold or "
                    + "archived product cannot be edited (409). The version it is based on is optional, as `version` "
                    + "in the body or as If-Match (both sent must agree, else 400); a stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "A public product of another seller")
    @ApiResponse(responseCode = "404", description = "No such product, or a non-public one of another seller")
    @ApiResponse(responseCode = "409", description = "Illegal status move, product not editable, stale version, or a "
            + "change of prices, currency or status while the product is in a scheduled or running auction")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductResponse.Envelope update(Caller caller, @PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Update body) {
        Long expectedVersion = ExpectedVersion.of(body.getVersion(), ifMatch);
        return new ProductResponse.Envelope(products.update(caller, id, body.changes(), expectedVersion));
    }

    @Operation(operationId = "deleteProduct", summary = "Delete a product (its seller, admin)", description = "A soft delete: nobody sees it any more.")
    @SecurityRequirement(name = "bearer", scopes = {"seller", "admin"})
    @ApiResponse(responseCode = "204")
    @ApiResponse(responseCode = "403", description = "A public product of another seller")
    @ApiResponse(responseCode = "404", description = "No such product, or a non-public one of another seller")
    @ApiResponse(responseCode = "409", description = "Stale version, or the product is in a scheduled or running auction")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        products.delete(caller, id, ExpectedVersion.of(null, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "setProductFeatured", summary = "Feature or unfeature a product (admin)",
            description = "The version it is based on is optional, as `version` in the body or as If-Match; a stale "
                    + "one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such product")
    @ApiResponse(responseCode = "409", description = "Stale version")
    @PutMapping(path = "/{id}/featured", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductResponse.Envelope feature(@PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Featured body) {
        Long expectedVersion = ExpectedVersion.of(body.version(), ifMatch);
        return new ProductResponse.Envelope(products.feature(id, body.featured(), expectedVersion));
    }
}
