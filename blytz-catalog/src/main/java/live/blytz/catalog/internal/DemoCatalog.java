package live.blytz.catalog.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opt-in demo data for local exploration and benchmarks: {@code --blytz.catalog.demo.products=100000} loads a
 * three-level category tree (8 departments × 6 categories × 4 sub-categories), 2,000 sellers and that many
 * products, with set-based {@code INSERT ... SELECT generate_series} (100,000 products take seconds). It runs only
 * once: an existing demo tree (slug {@code demo-electronics}) means the data is already there.
 */
@Component
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final List<String> DEPARTMENTS = List.of("Electronics", "Fashion", "Home", "Collectibles",
            "Sports", "Toys", "Books", "Art");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long products;

    DemoCatalog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.products = environment.getProperty("blytz.catalog.demo.products", Long.class, 0L);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (products <= 0) {
            return;
        }
        long started = System.nanoTime();
        if (Boolean.TRUE.equals(transactions.execute(status -> load()))) {
            // VACUUM cannot run in a transaction. It sets the visibility map, so the listing's count(*) can be an
            // index-only scan of a partial "listed" index instead of reading every heap page; ANALYZE gives the
            // planner the new statistics.
            for (String table : List.of("catalog.products", "catalog.categories", "catalog.sellers")) {
                jdbc.execute("VACUUM (ANALYZE) " + table);
            }
            log.info("Demo catalogue loaded: {} products in {} ms", products, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Inserts the demo data in one transaction; false when it is already there. */
    private boolean load() {
        Integer existing = jdbc.queryForObject(
                "SELECT count(*) FROM catalog.categories WHERE slug = 'demo-electronics'", Integer.class);
        if (existing != null && existing > 0) {
            log.info("Demo catalogue already loaded; nothing to do");
            return false;
        }
        jdbc.update("""
                INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version, created_at, updated_at)
                SELECT gen_random_uuid(), d.name, 'demo-' || lower(d.name), NULL, d.ord, true, 0, now(), now()
                FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS d(name, ord)""",
                (Object) DEPARTMENTS.toArray(String[]::new));
        jdbc.update("""
                INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version, created_at, updated_at)
                SELECT gen_random_uuid(), p.name || ' ' || n, p.slug || '-' || n, p.id, n, true, 0, now(), now()
                FROM catalog.categories p, generate_series(1, 6) AS n
                WHERE p.slug LIKE 'demo-%' AND p.parent_id IS NULL""");
        jdbc.update("""
                INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version, created_at, updated_at)
                SELECT gen_random_uuid(), p.name || '.' || n, p.slug || '-' || n, p.id, n, true, 0, now(), now()
                FROM catalog.categories p JOIN catalog.categories root ON root.id = p.parent_id
                CROSS JOIN generate_series(1, 4) AS n
                WHERE root.slug LIKE 'demo-%' AND root.parent_id IS NULL""");
        jdbc.update("""
                INSERT INTO catalog.sellers (id, display_name, account_version, profile_version)
                SELECT gen_random_uuid(), 'Demo Seller ' || n, 0, 0 FROM generate_series(1, 2000) AS n""");
        jdbc.update("""
                WITH pools AS (
                    SELECT (SELECT array_agg(c.id ORDER BY c.slug) FROM catalog.categories c
                            WHERE c.slug LIKE 'demo-%'
                              AND NOT EXISTS (SELECT 1 FROM catalog.categories k WHERE k.parent_id = c.id)) AS leaves,
                           (SELECT array_agg(id ORDER BY id) FROM catalog.sellers
                            WHERE display_name LIKE 'Demo Seller %') AS sellers)
                INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency,
                    starting_price, reserve_price, buy_now_price, images, specifications, shipping_info, status,
                    featured, view_count, version, created_at, updated_at)
                SELECT gen_random_uuid(), pools.sellers[1 + (n * 13) % cardinality(pools.sellers)],
                    pools.leaves[1 + n % cardinality(pools.leaves)],
                    (ARRAY['Vintage','Modern','Classic','Rare','Handmade','Refurbished','Limited','Signed'])[1 + n % 8]
                        || ' ' || (ARRAY['lamp','camera','watch','jacket','vase','guitar','poster','sneakers','chair',
                        'record','console','necklace'])[1 + (n / 8) % 12] || ' #' || n,
                    'A demo item in fine condition. Lot ' || n || ', ships worldwide; '
                        || (ARRAY['brass','leather','oak','silver','vinyl','ceramic'])[1 + n % 6] || ' details.',
                    (ARRAY['new','like_new','good','fair','poor'])[1 + n % 5], 'EUR',
                    round((1 + (n * 7919) % 100000) / 100.0, 2), NULL,
                    CASE WHEN n % 3 = 0 THEN round((1 + (n * 7919) % 100000) / 100.0, 2) * 2 END,
                    jsonb_build_array('https://img.blytz.example/demo/' || n || '.jpg'),
                    jsonb_build_object('lot', n), '{}',
                    CASE WHEN n % 20 = 0 THEN 'draft' WHEN n % 50 = 1 THEN 'sold' ELSE 'active' END,
                    n % 100 = 0, (n * 31) % 5000, 0,
                    now() - make_interval(secs => n * 37), now() - make_interval(secs => n * 37)
                FROM pools, generate_series(1, ?) AS n""", products);
        return true;
    }
}
