package live.blytz.catalog.internal.category;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import live.blytz.catalog.CategoryTree;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tree-shaped reads Spring Data cannot express: the active tree, ancestry checks, free slugs, and a category with
 * its descendants for other modules ({@link CategoryTree}).
 */
@Component
class CategoryQueries implements CategoryTree {

    // Walks down from the active roots through active children only: a child of an inactive category is hidden too.
    private static final String ACTIVE_TREE = """
            WITH RECURSIVE tree AS (
                SELECT c.*, 1 AS depth FROM catalog.categories c WHERE c.parent_id IS NULL AND c.is_active
                UNION ALL
                SELECT c.*, t.depth + 1 FROM catalog.categories c JOIN tree t ON c.parent_id = t.id
                WHERE c.is_active
            )
            SELECT * FROM tree ORDER BY depth, sort_order, name, id
            """;

    private final JdbcClient jdbc;

    CategoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole active tree in one query, nested: roots in order, each with its children in order. */
    List<CategoryResponse> activeTree() {
        List<Category> rows = jdbc.sql(ACTIVE_TREE).query(CategoryQueries::category).list();
        Map<UUID, List<CategoryResponse>> childrenOf = new LinkedHashMap<>();
        // Deepest first, so every node's children are complete before the node itself is built.
        List<CategoryResponse> roots = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Category category = rows.get(i);
            List<CategoryResponse> children = childrenOf.getOrDefault(category.id(), List.of());
            CategoryResponse view = CategoryResponse.of(category, List.copyOf(children.reversed()));
            if (category.parentId() == null) {
                roots.add(view);
            } else {
                childrenOf.computeIfAbsent(category.parentId(), id -> new ArrayList<>()).add(view);
            }
        }
        return List.copyOf(roots.reversed());
    }

    List<Category> children(UUID parentId, boolean includeInactive) {
        return jdbc.sql("""
                        SELECT c.*, 0 AS depth FROM catalog.categories c
                        WHERE c.parent_id = :parent AND (c.is_active OR :all)
                        ORDER BY sort_order, name, id""")
                .param("parent", parentId).param("all", includeInactive)
                .query(CategoryQueries::category).list();
    }

    /** True when {@code candidate} is {@code category} itself or one of its ancestors' chain reaches it. */
    boolean isSelfOrAncestor(UUID candidate, UUID category) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        WITH RECURSIVE up AS (
                            SELECT id, parent_id FROM catalog.categories WHERE id = :category
                            UNION ALL
                            SELECT c.id, c.parent_id FROM catalog.categories c JOIN up ON c.id = up.parent_id
                        )
                        SELECT EXISTS (SELECT 1 FROM up WHERE id = :candidate)""")
                .param("category", category).param("candidate", candidate)
                .query(Boolean.class).single());
    }

    @Override
    public Set<UUID> withDescendants(UUID categoryId) {
        return Set.copyOf(jdbc.sql("""
                        WITH RECURSIVE sub AS (
                            SELECT id FROM catalog.categories WHERE id = :category
                            UNION ALL
                            SELECT c.id FROM catalog.categories c JOIN sub ON c.parent_id = sub.id)
                        SELECT id FROM sub""")
                .param("category", categoryId).query(UUID.class).list());
    }

    /** Serialises every change of the tree's shape: two concurrent moves could otherwise close a cycle together. */
    void lockTree() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalog.categories'))").query().singleRow();
    }

    boolean hasProducts(UUID categoryId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog.products WHERE category_id = :id)")
                .param("id", categoryId).query(Boolean.class).single());
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever is not taken yet. */
    String freeSlug(String base) {
        Set<String> taken = Set.copyOf(jdbc.sql("""
                        SELECT slug FROM catalog.categories WHERE slug = :base OR slug LIKE :prefix""")
                .param("base", base).param("prefix", base + "-%")
                .query(String.class).list());
        if (!taken.contains(base)) {
            return base;
        }
        int suffix = 2;
        while (taken.contains(base + "-" + suffix)) {
            suffix++;
        }
        return base + "-" + suffix;
    }

    private static Category category(ResultSet rs, int rowNum) throws SQLException {
        return new Category(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                rs.getString("description"), rs.getString("image_url"), nullableUuid(rs, "parent_id"),
                rs.getInt("sort_order"), rs.getBoolean("is_active"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static @Nullable UUID nullableUuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
