package live.blytz.catalog.internal.category;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Categories", description = "The category tree products are filed under")
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(operationId = "getCategoryTree", summary = "The tree of active categories",
            description = "Roots ordered by sort_order then name, each with its active children nested the same way. "
                    + "A child of an inactive category is hidden with it. Served from the shared cache.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategoryResponse.Tree.class)))
    // Pre-serialised JSON is written as is, not negotiated by the JSON converter: `produces` makes Accept count.
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> tree() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(categories.treeJson());
    }

    @Operation(operationId = "getCategory", summary = "One category, by id or slug, with its parent_id and direct children",
            description = "Inactive categories are found only by admins.")
    @ApiResponse(responseCode = "200", headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such (active) category")
    @GetMapping("/{id}")
    CategoryResponse.Envelope get(@Parameter(description = "The category's UUID or its slug") @PathVariable("id") String idOrSlug,
            @Nullable Caller caller) {
        return new CategoryResponse.Envelope(categories.get(idOrSlug, caller != null && caller.isAdmin()));
    }

    @Operation(operationId = "createCategory", summary = "Create a category (admin)",
            description = "The slug is derived from the name when absent (a numeric suffix keeps it unique); "
                    + "an explicitly requested slug that is taken is a 409.")
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @ApiResponse(responseCode = "201", headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The slug is taken")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CategoryResponse.Envelope> create(@Valid @RequestBody CategoryRequests.Create body) {
        CategoryResponse created = categories.create(body.command());
        return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id()))
                .body(new CategoryResponse.Envelope(created));
    }

    @Operation(operationId = "updateCategory", summary = "Change a category (admin)",
            description = "Partial update. Renaming keeps the slug (links stay valid). Moving a category under itself "
                    + "or one of its descendants is a 409. The version it is based on is optional, as `version` in "
                    + "the body or as If-Match (both sent must agree, else 400); a stale one is a 409.")
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @ApiResponse(responseCode = "200", headers = @Header(name = HttpHeaders.ETAG, description = EntityTags.ETAG_DOC, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such category")
    @ApiResponse(responseCode = "409", description = "Cycle, taken slug or stale version")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CategoryResponse.Envelope update(@PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CategoryRequests.Update body) {
        Long expectedVersion = ExpectedVersion.of(body.getVersion(), ifMatch);
        return new CategoryResponse.Envelope(categories.update(id, body.changes(), expectedVersion));
    }

    @Operation(operationId = "deleteCategory", summary = "Delete a category (admin)",
            description = "Refused (409) while it has sub-categories or products (deleted products included: they keep "
                    + "their category for the record). If-Match, optional, must name the current version (else 409).")
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @ApiResponse(responseCode = "204")
    @ApiResponse(responseCode = "404", description = "No such category")
    @ApiResponse(responseCode = "409", description = "The category has sub-categories or products, or a stale version")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id,
            @Parameter(description = EntityTags.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        categories.delete(id, ExpectedVersion.of(null, ifMatch));
        return ResponseEntity.noContent().build();
    }
}
