package live.blytz.catalog.internal.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.internal.browse.ProductListingQueries.After;
import live.blytz.catalog.internal.browse.ProductListingQueries.Statement;
import live.blytz.catalog.internal.product.ProductCondition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EXPLAINs the listing's real SQL (built by {@link ProductListingQueries}) for every filter and every sort, with
 * sequential scans priced out: if a plan still reads the whole products table, or sorts the rows of an unfiltered
 * listing instead of walking an index in order, an index the API relies on is missing.
 */
@BlytzIntegrationTest
class ProductIndexTests {

    private static final UUID ID = UUID.fromString("0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e");
    private static final ProductFilter NONE = new ProductFilter(null, null, null, null, null, null, null);

    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyFilterIsServedByAnIndex() {
        List<ProductFilter> filters = List.of(
                new ProductFilter(ID, null, null, null, null, null, null),
                new ProductFilter(null, ID, null, null, null, null, null),
                new ProductFilter(null, null, ProductCondition.NEW, null, null, null, null),
                new ProductFilter(null, null, null, BigDecimal.ONE, BigDecimal.TEN, null, null),
                new ProductFilter(null, null, null, null, null, true, null),
                new ProductFilter(null, null, null, null, null, null, "vintage lamp"));
        for (ProductFilter filter : filters) {
            for (ProductSort sort : sorts(filter.q() != null)) {
                String plan = plan(ProductListingQueries.pageStatement(filter, sort, null, 21, 0));
                assertThat(plan).as(filter + " " + sort.code()).doesNotContain("Seq Scan on products");
                assertThat(plan(ProductListingQueries.countStatement(filter, 10_000))).as("count " + filter)
                        .doesNotContain("Seq Scan on products");
            }
        }
    }

    @Test
    void everySortWalksAnIndexInOrderAndAKeysetPageSeeksIntoIt() {
        for (ProductSort sort : sorts(false)) {
            String first = plan(ProductListingQueries.pageStatement(NONE, sort, null, 21, 0));
            assertThat(first).as(sort.code()).contains("Index").doesNotContain("Sort").doesNotContain("Seq Scan on products");
            Object key = switch (sort.key()) {
                case CREATED_AT -> java.sql.Timestamp.from(java.time.Instant.now());
                case PRICE -> BigDecimal.TEN;
                case TITLE -> "m";
                case VIEW_COUNT -> 10L;
                case RELEVANCE -> 0.1f;
            };
            String next = plan(ProductListingQueries.pageStatement(NONE, sort,
                    new After(key, ID), 21, 0));
            assertThat(next).as("after " + sort.code()).contains("Index Cond").doesNotContain("Sort");
        }
    }

    private static List<ProductSort> sorts(boolean searching) {
        List<ProductSort> sorts = new ArrayList<>();
        for (ProductSort.Key key : ProductSort.Key.values()) {
            if (key != ProductSort.Key.RELEVANCE || searching) {
                sorts.add(new ProductSort(key, false));
                sorts.add(new ProductSort(key, true));
            }
        }
        return sorts;
    }

    private String plan(Statement query) {
        return transactions.execute(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off");
            jdbc.getJdbcTemplate().execute("SET LOCAL enable_sort = off");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + query.sql(), query.parameters(), String.class));
        });
    }
}
