package live.blytz.catalog.internal.category;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A node of the category tree. The tree's shape (no cycles) is guarded by {@link CategoryService}. */
@Table(schema = "catalog", name = "categories")
class Category {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;

    @Id
    private UUID id;
    private String name;
    private String slug;
    private @Nullable String description;
    private @Nullable String imageUrl;
    private @Nullable UUID parentId;
    private int sortOrder;
    @Column("is_active")
    private boolean active;
    @Version
    private @Nullable Long version;
    private Instant createdAt;
    private Instant updatedAt;

    Category(UUID id, String name, String slug, @Nullable String description, @Nullable String imageUrl,
            @Nullable UUID parentId, int sortOrder, boolean active, @Nullable Long version, Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.description = description;
        this.imageUrl = imageUrl;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
        this.active = active;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    UUID id() { return id; }
    String name() { return name; }
    String slug() { return slug; }
    @Nullable String description() { return description; }
    @Nullable String imageUrl() { return imageUrl; }
    @Nullable UUID parentId() { return parentId; }
    int sortOrder() { return sortOrder; }
    boolean active() { return active; }
    long version() { return version == null ? 0 : version; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }

    void rename(String name) { this.name = name; }
    void changeSlug(String slug) { this.slug = slug; }
    void describe(@Nullable String description) { this.description = description; }
    void showImage(@Nullable String imageUrl) { this.imageUrl = imageUrl; }
    void moveUnder(@Nullable UUID parentId) { this.parentId = parentId; }
    void sortAt(int sortOrder) { this.sortOrder = sortOrder; }
    void activate(boolean active) { this.active = active; }
    void touch(Instant now) { this.updatedAt = now; }
}
