package live.blytz.catalog.internal.browse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.catalog.internal.browse.ProductListResponse.Total;
import live.blytz.catalog.internal.browse.ProductSort.Key;
import live.blytz.catalog.internal.product.ProductResponse.CategoryRef;
import live.blytz.catalog.internal.product.ProductResponse.SellerRef;
import live.blytz.catalog.internal.product.ProductStatus;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the product lists. The public listing's conditions are all on the partial indexes' predicate
 * {@code listed} (publicly visible and for sale); its keyset condition is a row comparison on the sort key and the
 * id, so that the next page starts with an index seek instead of skipping rows (ADR 0012; ProductIndexTests checks
 * the plans). A keyset page has {@code OFFSET 0}: the position is in the condition, not counted.
 */
@Repository
class ProductListingQueries {

    private static final String SUMMARY_COLUMNS = """
            p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name, c.slug AS category_slug,
            p.title, p.condition, p.currency, p.starting_price, p.buy_now_price, p.images::text AS images, p.status,
            p.auction_id, p.featured, p.view_count, p.version, p.created_at, p.updated_at""";
    private static final String JOINS = """
            FROM catalog.products p
            JOIN catalog.sellers s ON s.id = p.seller_id
            JOIN catalog.categories c ON c.id = p.category_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductListingQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A statement with its named parameters. */
    record Statement(String sql, Map<String, Object> parameters) {
    }

    /** Keyset position: the sort key and id of the last row the client saw. */
    record After(Object key, UUID id) {
    }

    /** A listed row with its sort key as a cursor records it. */
    record Keyed(ProductSummary product, String key) {
    }

    List<Keyed> page(ProductFilter filter, ProductSort sort, @Nullable After after, int limit, long offset) {
        Statement page = pageStatement(filter, sort, after, limit, offset);
        return jdbc.sql(page.sql()).params(page.parameters())
                .query((rs, rowNum) -> new Keyed(summary(rs, rowNum), sortKey(sort.key(), rs)))
                .list();
    }

    /**
     * How many listed products match, exactly while there are at most {@code limit}; beyond it, the planner's
     * estimate (at least {@code limit + 1}). Counting stops at {@code limit + 1} rows, so the cost of a count is
     * bounded whatever the size of the catalogue.
     */
    Total total(ProductFilter filter, int limit) {
        Statement count = countStatement(filter, limit);
        long counted = jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
        if (counted <= limit) {
            return Total.exact(counted);
        }
        Statement estimate = estimateStatement(filter);
        String plan = jdbc.sql(estimate.sql()).params(estimate.parameters()).query(String.class).single();
        long estimated = json.readTree(plan).path(0).path("Plan").path("Plan Rows").asLong();
        return new Total(Math.max(estimated, counted), false);
    }

    /** A page of one seller's products that are not deleted, in every status (or one), newest first. */
    List<ProductSummary> ofSeller(UserId seller, @Nullable ProductStatus status, int limit, long offset) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " " + JOINS + ofSellerWhere(status)
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .param("seller", seller.value()).param("status", status == null ? "" : status.code())
                .param("limit", limit).param("offset", offset)
                .query(ProductListingQueries::summary).list();
    }

    long countOfSeller(UserId seller, @Nullable ProductStatus status) {
        return jdbc.sql("SELECT count(*) FROM catalog.products p" + ofSellerWhere(status))
                .param("seller", seller.value()).param("status", status == null ? "" : status.code())
                .query(Long.class).single();
    }

    static Statement pageStatement(ProductFilter filter, ProductSort sort, @Nullable After after, int limit,
            long offset) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        String key = expression(sort.key());
        if (after != null) {
            String afterKey = sort.key() == Key.RELEVANCE ? "CAST(:after_key AS real)" : ":after_key";
            where += " AND (" + key + ", p.id) " + (sort.descending() ? "<" : ">") + " (" + afterKey + ", :after_id)";
            parameters.put("after_key", after.key());
            parameters.put("after_id", after.id());
        }
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        String direction = sort.descending() ? " DESC" : " ASC";
        if (sort.key() == Key.RELEVANCE) {
            // Every match is ranked: rank the products alone and join sellers and categories to the page only.
            String ranked = "SELECT p.*, " + key + " AS sort_key FROM catalog.products p WHERE " + where
                    + " ORDER BY sort_key" + direction + ", p.id" + direction + " LIMIT :limit OFFSET :offset";
            return new Statement("SELECT " + SUMMARY_COLUMNS + ", p.sort_key " + JOINS.replace("catalog.products p",
                    "(" + ranked + ") p") + " ORDER BY p.sort_key" + direction + ", p.id" + direction, parameters);
        }
        String sql = "SELECT " + SUMMARY_COLUMNS + ", " + key + " AS sort_key " + JOINS + " WHERE " + where
                + " ORDER BY " + key + direction + ", p.id" + direction + " LIMIT :limit OFFSET :offset";
        return new Statement(sql, parameters);
    }

    static Statement countStatement(ProductFilter filter, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String rows = "SELECT 1 FROM catalog.products p WHERE " + where(filter, parameters) + " LIMIT :count_limit";
        parameters.put("count_limit", limit + 1);
        return new Statement("SELECT count(*) FROM (" + rows + ") matching", parameters);
    }

    /** The planner's estimate of the matching rows: the top node's "Plan Rows" of this statement's JSON plan. */
    static Statement estimateStatement(ProductFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return new Statement("EXPLAIN (FORMAT JSON) SELECT 1 FROM catalog.products p WHERE " + where(filter, parameters),
                parameters);
    }

    /** The column (or expression) each sort key orders by. */
    private static String expression(Key key) {
        return switch (key) {
            case CREATED_AT -> "p.created_at";
            case PRICE -> "p.starting_price";
            case TITLE -> "p.title";
            case VIEW_COUNT -> "p.view_count";
            case RELEVANCE -> "ts_rank(p.search, websearch_to_tsquery('english', :q))";
        };
    }

    /** The sort key of the current row as a cursor records it (and {@link Key#parse} reads it back). */
    private static String sortKey(Key key, ResultSet rs) throws SQLException {
        return switch (key) {
            case CREATED_AT -> rs.getTimestamp("sort_key").toInstant().toString();
            case PRICE -> rs.getBigDecimal("sort_key").toPlainString();
            case TITLE -> rs.getString("sort_key");
            case VIEW_COUNT -> Long.toString(rs.getLong("sort_key"));
            case RELEVANCE -> Float.toString(rs.getFloat("sort_key"));
        };
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

    private static String ofSellerWhere(@Nullable ProductStatus status) {
        return " WHERE p.seller_id = :seller AND p.deleted_at IS NULL" + (status == null ? "" : " AND p.status = :status");
    }

    /** A list item; its seller and category are the same objects (and schemas) as in the product's detail. */
    private static ProductSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new ProductSummary(rs.getObject("id", UUID.class),
                new SellerRef(rs.getObject("seller_id", UUID.class), rs.getString("display_name")),
                new CategoryRef(rs.getObject("category_id", UUID.class), rs.getString("category_name"),
                        rs.getString("category_slug")),
                rs.getString("title"), rs.getString("condition"), rs.getString("currency"),
                rs.getBigDecimal("starting_price"), rs.getBigDecimal("buy_now_price"), rs.getString("images"),
                rs.getString("status"), rs.getObject("auction_id", UUID.class), rs.getBoolean("featured"), rs.getLong("view_count"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
