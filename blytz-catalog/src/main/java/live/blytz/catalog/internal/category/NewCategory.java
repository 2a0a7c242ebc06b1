package live.blytz.catalog.internal.category;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an admin sends to create a category; absent optional values take their defaults. */
record NewCategory(
        String name,
        @Nullable String slug,
        @Nullable String description,
        @Nullable String imageUrl,
        @Nullable UUID parentId,
        @Nullable Integer sortOrder,
        @Nullable Boolean isActive) {
}
