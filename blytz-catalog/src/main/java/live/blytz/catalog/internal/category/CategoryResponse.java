package live.blytz.catalog.internal.category;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import live.blytz.sharedkernel.web.Versioned;
import org.jspecify.annotations.Nullable;

/** A category as the API shows it; {@code children} are the direct children (nested all the way down in the tree). */
@Schema(name = "Category")
record CategoryResponse(
        UUID id,
        String name,
        String slug,
        @Schema(types = {"string", "null"}) @Nullable String description,
        @Schema(types = {"string", "null"}, format = "uri") @Nullable String imageUrl,
        @Schema(types = {"string", "null"}, format = "uuid", description = "null for a root category")
        @Nullable UUID parentId,
        int sortOrder,
        boolean isActive,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<CategoryResponse> children) {

    static CategoryResponse of(Category category, List<CategoryResponse> children) {
        return new CategoryResponse(category.id(), category.name(), category.slug(), category.description(),
                category.imageUrl(), category.parentId(), category.sortOrder(), category.active(), category.version(),
                category.createdAt(), category.updatedAt(), children);
    }

    /** The body of a single category: {@code {"category": {...}}}, its version the ETag. */
    @Schema(name = "CategoryResponse")
    record Envelope(CategoryResponse category) implements Versioned {

        @Override
        @JsonIgnore
        public long version() {
            return category.version();
        }
    }

    /** The body of the tree: {@code {"data": [...]}}. */
    @Schema(name = "CategoryTree", description = "Active root categories, each with its active children nested")
    record Tree(List<CategoryResponse> data) {
    }
}
