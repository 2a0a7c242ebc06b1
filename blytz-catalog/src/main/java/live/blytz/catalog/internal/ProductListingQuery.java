package live.blytz.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds the SQL of the public listing from filters, sort and position. Every condition is on the partial indexes'
 * predicate {@code listed}; the keyset condition is a row comparison on the sort key and the id, so that the next
 * page starts with an index seek instead of skipping rows (ADR 0012; ProductIndexTests checks the plans).
 */
record ProductListingQuery(String sql, Map<String, Object> parameters) {

    /** Keyset position: the sort key and id of the last row the client saw. */
    record After(Object key, UUID id) {
    }

    static ProductListingQuery page(ProductFilter filter, ProductSort sort, @Nullable After after, int limit,
            long offset) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        if (after != null) {
            where += " AND (" + sort.key().expression + ", p.id) " + (sort.descending() ? "<" : ">")
                    + " (" + sort.key().parameterPlaceholder() + ", :after_id)";
            parameters.put("after_key", after.key());
            parameters.put("after_id", after.id());
        }
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        String sql = "SELECT " + ProductRepository.SUMMARY_COLUMNS + ", " + sort.key().expression + " AS sort_key "
                + ProductRepository.JOINS + " WHERE " + where + " ORDER BY " + sort.orderBy()
                + " LIMIT :limit OFFSET :offset";
        return new ProductListingQuery(sql, parameters);
    }

    static ProductListingQuery count(ProductFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return new ProductListingQuery("SELECT count(*) FROM catalog.products p WHERE " + where(filter, parameters),
                parameters);
    }

    private static String where(ProductFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("p.listed");
        if (filter.categoryId() != null) {
            conditions.add("""
                    p.category_id IN (WITH RECURSIVE sub AS (
                        SELECT id FROM catalog.categories WHERE id = :category
                        UNION ALL
                        SELECT c.id FROM catalog.categories c JOIN sub ON c.parent_id = sub.id)
                      SELECT id FROM sub)""");
            parameters.put("category", filter.categoryId());
        }
        if (filter.sellerId() != null) {
            conditions.add("p.seller_id = :seller");
            parameters.put("seller", filter.sellerId());
        }
        if (filter.condition() != null) {
            conditions.add("p.condition = :condition");
            parameters.put("condition", filter.condition().code());
        }
        if (filter.minPrice() != null) {
            conditions.add("p.starting_price >= :min_price");
            parameters.put("min_price", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            conditions.add("p.starting_price <= :max_price");
            parameters.put("max_price", filter.maxPrice());
        }
        if (filter.featured() != null) {
            conditions.add(filter.featured() ? "p.featured" : "NOT p.featured");
        }
        if (filter.q() != null) {
            conditions.add("p.search @@ websearch_to_tsquery('english', :q)");
            parameters.put("q", filter.q());
        }
        return String.join(" AND ", conditions);
    }
}
