package live.blytz.catalog.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.internal.CategoryChanges;
import live.blytz.catalog.internal.NewCategory;
import live.blytz.sharedkernel.text.MultiLine;
import org.jspecify.annotations.Nullable;

/** The bodies of the category endpoints. Server-owned fields (id, version on create, timestamps) are not accepted. */
final class CategoryRequests {

    static final String URL = "^https?://\\S+$";
    static final String URL_MESSAGE = "must be an absolute http or https URL";

    private CategoryRequests() {
    }

    @Schema(name = "CategoryCreateRequest")
    record Create(
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "Lower-case letters and digits separated by hyphens; derived from the name when absent")
            @Size(max = 100) @Nullable String slug,
            @MultiLine @Size(max = 2000) @Nullable String description,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) @Nullable String imageUrl,
            @Nullable UUID parentId,
            @Nullable Integer sortOrder,
            @Nullable Boolean isActive) {

        NewCategory command() {
            return new NewCategory(name, slug, description, imageUrl, parentId, sortOrder, isActive);
        }
    }

    /**
     * A partial update. A setter is called only for fields present in the JSON, so "absent" (null here) and
     * "sent as null" (an empty Optional) stay distinguishable for the fields that can be cleared. A setter whose
     * parameter is not {@code @Nullable} refuses JSON {@code null} (400): null means nothing for that field.
     */
    @Schema(name = "CategoryUpdateRequest")
    static final class Update {

        private @Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name;
        private @Nullable @Size(max = 100) String slug;
        @Schema(types = {"string", "null"}, description = "null removes the description")
        private @Nullable Optional<@Size(max = 2000) String> description;
        @Schema(types = {"string", "null"}, description = "null removes the image")
        private @Nullable Optional<@Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String> imageUrl;
        @Schema(types = {"string", "null"}, format = "uuid",
                description = "null moves the category to the root; a descendant of the category is refused (409)")
        private @Nullable Optional<UUID> parentId;
        private @Nullable Integer sortOrder;
        private @Nullable Boolean isActive;
        @Schema(description = "Optional: the version the change is based on (or send If-Match); a stale one is refused (409)")
        private @Nullable Long version;

        public void setName(String name) { this.name = name; }
        public void setSlug(String slug) { this.slug = slug; }
        @MultiLine public void setDescription(@Nullable String description) { this.description = Optional.ofNullable(description); }
        public void setImageUrl(@Nullable String imageUrl) { this.imageUrl = Optional.ofNullable(imageUrl); }
        public void setParentId(@Nullable UUID parentId) { this.parentId = Optional.ofNullable(parentId); }
        public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
        public void setIsActive(Boolean isActive) { this.isActive = isActive; }
        public void setVersion(Long version) { this.version = version; }

        public @Nullable String getName() { return name; }
        public @Nullable String getSlug() { return slug; }
        public @Nullable String getDescription() { return description == null ? null : description.orElse(null); }
        public @Nullable String getImageUrl() { return imageUrl == null ? null : imageUrl.orElse(null); }
        public @Nullable UUID getParentId() { return parentId == null ? null : parentId.orElse(null); }
        public @Nullable Integer getSortOrder() { return sortOrder; }
        public @Nullable Boolean getIsActive() { return isActive; }
        public @Nullable Long getVersion() { return version; }

        CategoryChanges changes() {
            return new CategoryChanges(name, slug, description, imageUrl, parentId, sortOrder, isActive);
        }
    }
}
