package live.blytz.catalog.internal.category;

import java.util.UUID;
import live.blytz.sharedkernel.Patch;

/**
 * A partial update of a category: an absent field stays as it is; {@code description}, {@code imageUrl} and
 * {@code parentId} may be sent as null, which clears them ({@code parent_id: null} moves the category to the root).
 */
record CategoryChanges(
        Patch<String> name,
        Patch<String> slug,
        Patch<String> description,
        Patch<String> imageUrl,
        Patch<UUID> parentId,
        Patch<Integer> sortOrder,
        Patch<Boolean> isActive) {
}
