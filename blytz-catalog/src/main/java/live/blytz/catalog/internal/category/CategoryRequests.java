package live.blytz.catalog.internal.category;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the category endpoints. Server-owned fields (id, version on create, timestamps) are not accepted.
 * The limits are the domain's; URLs are checked by the domain's URL rule.
 */
final class CategoryRequests {

    private CategoryRequests() {
    }

    @Schema(name = "CategoryCreateRequest")
    record Create(
            @NotBlank @Size(max = Category.MAX_NAME) String name,
            @Schema(description = "Lower-case letters and digits separated by hyphens; derived from the name when absent")
            @Size(max = Slugs.MAX_LENGTH) @Nullable String slug,
            @MultiLine @Size(max = Category.MAX_DESCRIPTION) @Nullable String description,
            @Schema(format = "uri") @Size(max = HttpUrls.MAX_LENGTH) @Nullable String imageUrl,
            @Nullable UUID parentId,
            @Nullable Integer sortOrder,
            @Nullable Boolean isActive) {

        NewCategory command() {
            return new NewCategory(name, slug, description, imageUrl, parentId, sortOrder, isActive);
        }
    }

    /**
     * A partial update. A setter is called only for fields present in the JSON, so an absent field stays
     * {@link Patch#absent()} and one sent as null is a {@link Patch} of null, for the fields that can be cleared. A
     * setter whose parameter is not {@code @Nullable} refuses JSON {@code null} (400): null means nothing for that
     * field. The getters describe the body (its schema and constraints).
     */
    @Schema(name = "CategoryUpdateRequest")
    static final class Update {

        private Patch<String> name = Patch.absent();
        private Patch<String> slug = Patch.absent();
        private Patch<String> description = Patch.absent();
        private Patch<String> imageUrl = Patch.absent();
        private Patch<UUID> parentId = Patch.absent();
        private Patch<Integer> sortOrder = Patch.absent();
        private Patch<Boolean> isActive = Patch.absent();
        private @Nullable Long version;

        public void setName(String name) { this.name = Patch.of(name); }
        public void setSlug(String slug) { this.slug = Patch.of(slug); }
        @MultiLine public void setDescription(@Nullable String description) { this.description = Patch.of(description); }
        public void setImageUrl(@Nullable String imageUrl) { this.imageUrl = Patch.of(imageUrl); }
        public void setParentId(@Nullable UUID parentId) { this.parentId = Patch.of(parentId); }
        public void setSortOrder(Integer sortOrder) { this.sortOrder = Patch.of(sortOrder); }
        public void setIsActive(Boolean isActive) { this.isActive = Patch.of(isActive); }
        public void setVersion(Long version) { this.version = version; }

        public @Nullable @Size(max = Category.MAX_NAME) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String getName() {
            return name.orElse(null);
        }

        public @Nullable @Size(max = Slugs.MAX_LENGTH) String getSlug() { return slug.orElse(null); }

        @Schema(types = {"string", "null"}, description = "null removes the description")
        public @Nullable @Size(max = Category.MAX_DESCRIPTION) String getDescription() {
            return description.orElse(null);
        }

        @Schema(types = {"string", "null"}, format = "uri", description = "null removes the image")
        public @Nullable @Size(max = HttpUrls.MAX_LENGTH) String getImageUrl() { return imageUrl.orElse(null); }

        @Schema(types = {"string", "null"}, format = "uuid",
                description = "null moves the category to the root; a descendant of the category is refused (409)")
        public @Nullable UUID getParentId() { return parentId.orElse(null); }

        public @Nullable Integer getSortOrder() { return sortOrder.orElse(null); }

        public @Nullable Boolean getIsActive() { return isActive.orElse(null); }

        @Schema(description = "Optional: the version the change is based on (or send If-Match); a stale one is refused (409)")
        public @Nullable Long getVersion() { return version; }

        CategoryChanges changes() {
            return new CategoryChanges(name, slug, description, imageUrl, parentId, sortOrder, isActive);
        }
    }
}
