package live.blytz.catalog.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import live.blytz.catalog.internal.cache.CacheKeys;
import live.blytz.catalog.internal.cache.SharedCache;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.error.DependencyUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalogue, loaded once per database after start-up with the {@code demo} profile (the default when no
 * profile is set; never with {@code prod}): a tree of 8 departments with 4 categories each, one seller per 50
 * products and {@code blytz.catalog.demo.products} products with picture URLs, mostly active, in every condition
 * and a wide range of prices. A few hundred make a browsable first run; {@code --blytz.catalog.demo.products=100000}
 * is the catalog benchmark's data set (set-based {@code INSERT ... SELECT generate_series}: seconds). An existing
 * demo tree (slug {@code demo-electronics}) means the data is already there.
 */
@Component
@Profile("demo & !prod")
class DemoCatalog implements ApplicationRunner {

    static final String MARKER_SLUG = "demo-electronics";
    static final int PRODUCTS_PER_SELLER = 50;
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final List<Department> DEPARTMENTS = List.of(
            new Department("Electronics", List.of(
                    new Leaf("Phones", "smartphone", "flip phone", "rotary phone"),
                    new Leaf("Cameras", "film camera", "instant camera", "camera lens"),
                    new Leaf("Audio", "turntable", "headphones", "cassette deck"),
                    new Leaf("Computers", "laptop", "mechanical keyboard", "games console"))),
            new Department("Fashion", List.of(
                    new Leaf("Jackets", "leather jacket", "denim jacket", "bomber jacket"),
                    new Leaf("Shoes", "sneakers", "boots", "loafers"),
                    new Leaf("Bags", "tote bag", "backpack", "satchel"),
                    new Leaf("Watches", "wristwatch", "pocket watch", "chronograph"))),
            new Department("Home", List.of(
                    new Leaf("Lamps", "desk lamp", "floor lamp", "lava lamp"),
                    new Leaf("Furniture", "armchair", "side table", "bookshelf"),
                    new Leaf("Kitchen", "espresso maker", "cast iron pan", "knife set"),
                    new Leaf("Decor", "vase", "wall mirror", "rug"))),
            new Department("Collectibles", List.of(
                    new Leaf("Coins", "silver coin", "gold sovereign", "coin set"),
                    new Leaf("Stamps", "stamp album", "airmail stamp", "first-day cover"),
                    new Leaf("Trading Cards", "trading card", "card binder", "booster box"),
                    new Leaf("Vinyl Records", "LP record", "7-inch single", "box set"))),
            new Department("Sports", List.of(
                    new Leaf("Bikes", "road bike", "bike helmet", "saddle"),
                    new Leaf("Fitness", "kettlebell", "yoga mat", "rowing machine"),
                    new Leaf("Outdoor", "tent", "hiking boots", "camping stove"),
                    new Leaf("Team Sports", "football", "basketball", "hockey stick"))),
            new Department("Toys", List.of(
                    new Leaf("Board Games", "chess set", "board game", "backgammon set"),
                    new Leaf("Model Kits", "model train", "model airplane", "model ship"),
                    new Leaf("Dolls", "porcelain doll", "teddy bear", "action figure"),
                    new Leaf("Puzzles", "jigsaw puzzle", "puzzle box", "puzzle cube"))),
            new Department("Books", List.of(
                    new Leaf("Fiction", "novel", "short story collection", "paperback set"),
                    new Leaf("Comics", "comic book", "graphic novel", "manga volume"),
                    new Leaf("Art Books", "photo book", "art monograph", "exhibition catalogue"),
                    new Leaf("First Editions", "signed first edition", "first edition", "limited edition"))),
            new Department("Art", List.of(
                    new Leaf("Paintings", "oil painting", "watercolour", "acrylic canvas"),
                    new Leaf("Prints", "screen print", "lithograph", "poster"),
                    new Leaf("Sculpture", "bronze figure", "ceramic bowl", "wood carving"),
                    new Leaf("Photography", "gelatin silver print", "photo print", "instant photo"))));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SharedCache cache;
    private final int products;

    DemoCatalog(JdbcClient jdbc, TransactionTemplate transactions, SharedCache cache, DemoCatalogProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cache = cache;
        this.products = properties.products();
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Loads the demo catalogue unless it is there (or none is wanted); true when this call loaded it. */
    boolean seed() {
        if (products <= 0) {
            return false;
        }
        long started = System.nanoTime();
        if (!Boolean.TRUE.equals(transactions.execute(status -> load()))) {
            log.info("Demo catalogue already loaded; nothing to do");
            return false;
        }
        // VACUUM cannot run in a transaction. It sets the visibility map, so the listing's count(*) can be an
        // index-only scan of a partial "listed" index instead of reading every heap page; ANALYZE gives the planner
        // the new statistics.
        for (String table : List.of("catalog.products", "catalog.categories", "catalog.sellers")) {
            jdbc.sql("VACUUM (ANALYZE) " + table).update();
        }
        try {
            cache.invalidate(CacheKeys.CATEGORY_TREE);
        } catch (DependencyUnavailableException e) {
            log.warn("The cached category tree shows the demo categories once it expires: {}", e.getMessage());
        }
        log.info("Demo catalogue loaded: {} products in {} ms", products, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Inserts the demo data in one transaction; false when it is already there. */
    private boolean load() {
        // Two instances starting at once: the second waits here, then finds the tree.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalog.demo'))").query().singleRow();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog.categories WHERE slug = :slug)")
                .param("slug", MARKER_SLUG).query(Boolean.class).single()) {
            return false;
        }
        List<String> leafIds = new ArrayList<>();
        List<String> leafItems = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS.size(); d++) {
            Department department = DEPARTMENTS.get(d);
            String slug = "demo-" + slugOf(department.name());
            UUID departmentId = category(department.name(), slug, null, d + 1);
            for (int l = 0; l < department.leaves().size(); l++) {
                Leaf leaf = department.leaves().get(l);
                leafIds.add(category(leaf.name(), slug + "-" + slugOf(leaf.name()), departmentId, l + 1).toString());
                leafItems.add(String.join("|", leaf.items()));
            }
        }
        List<String> sellerIds = jdbc.sql("""
                        INSERT INTO catalog.sellers (id, display_name, account_version, profile_version)
                        SELECT gen_random_uuid(), 'Demo Seller ' || n, 0, 0 FROM generate_series(1, :sellers) AS n
                        RETURNING id::text""")
                .param("sellers", Math.max(1, products / PRODUCTS_PER_SELLER))
                .query(String.class).list();
        jdbc.sql("""
                        WITH leaves AS (
                            SELECT CAST(l.id AS uuid) AS id, l.items, l.ord
                            FROM unnest(CAST(:leaves AS text[]), CAST(:items AS text[])) WITH ORDINALITY AS l(id, items, ord)),
                        sellers AS (
                            SELECT CAST(s.id AS uuid) AS id, s.ord
                            FROM unnest(CAST(:sellers AS text[])) WITH ORDINALITY AS s(id, ord))
                        INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency,
                            starting_price, reserve_price, buy_now_price, images, specifications, shipping_info, status,
                            featured, view_count, version, created_at, updated_at)
                        SELECT gen_random_uuid(), s.id, l.id,
                            (ARRAY['Vintage','Modern','Classic','Rare','Handmade','Refurbished','Limited','Signed'])[1 + n % 8]
                                || ' ' || split_part(l.items, '|', 1 + (n / :leafCount) % 3) || ' #' || n,
                            'A demo item in fine condition. Lot ' || n || ', ships worldwide; '
                                || (ARRAY['brass','leather','oak','silver','vinyl','ceramic'])[1 + n % 6] || ' details.',
                            (ARRAY['new','like_new','good','fair','poor'])[1 + n % 5], 'EUR',
                            round((1 + (CAST(n AS bigint) * 7919) % 100000) / 100.0, 2), NULL,
                            CASE WHEN n % 3 = 0 THEN round((1 + (CAST(n AS bigint) * 7919) % 100000) / 100.0, 2) * 2 END,
                            jsonb_build_array('https://picsum.photos/seed/' || n || '/800/600'),
                            jsonb_build_object('lot', n), '{}',
                            CASE WHEN n % 20 = 0 THEN 'draft' WHEN n % 50 = 1 THEN 'sold' ELSE 'active' END,
                            n % 100 = 0, (n * 31) % 5000, 0,
                            now() - make_interval(secs => n * 37), now() - make_interval(secs => n * 37)
                        FROM generate_series(1, :products) AS n
                        JOIN leaves l ON l.ord = 1 + n % :leafCount
                        JOIN sellers s ON s.ord = 1 + (CAST(n AS bigint) * 13) % :sellerCount""")
                .param("leaves", leafIds.toArray(String[]::new))
                .param("items", leafItems.toArray(String[]::new))
                .param("leafCount", leafIds.size())
                .param("sellers", sellerIds.toArray(String[]::new))
                .param("sellerCount", sellerIds.size())
                .param("products", products)
                .update();
        return true;
    }

    private UUID category(String name, String slug, @Nullable UUID parent, int sortOrder) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version,
                            created_at, updated_at)
                        VALUES (:id, :name, :slug, :parent, :sortOrder, true, 0, now(), now())""")
                .param("id", id).param("name", name).param("slug", slug).param("parent", parent)
                .param("sortOrder", sortOrder)
                .update();
        return id;
    }

    private static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private record Department(String name, List<Leaf> leaves) {
    }

    private record Leaf(String name, List<String> items) {

        Leaf(String name, String... items) {
            this(name, List.of(items));
        }
    }
}
