package live.blytz.catalog.internal;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a category: a null component was not sent and stays as it is; an empty {@link Optional}
 * was sent as JSON {@code null} and clears the value ({@code parent_id: null} moves the category to the root).
 */
public record CategoryChanges(
        @Nullable String name,
        @Nullable String slug,
        @Nullable Optional<String> description,
        @Nullable Optional<String> imageUrl,
        @Nullable Optional<UUID> parentId,
        @Nullable Integer sortOrder,
        @Nullable Boolean isActive) {
}
