package live.blytz.catalog.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A category as the API shows it; {@code children} are the direct children (nested all the way down in the tree). */
@Schema(name = "Category")
public record CategoryView(
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
        List<CategoryView> children) {

    static CategoryView of(Category category, List<CategoryView> children) {
        return new CategoryView(category.id(), category.name(), category.slug(), category.description(),
                category.imageUrl(), category.parentId(), category.sortOrder(), category.active(), category.version(),
                category.createdAt(), category.updatedAt(), children);
    }
}
