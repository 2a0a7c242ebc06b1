package live.blytz.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import live.blytz.sharedkernel.Ids;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes catalog rows straight into the tables, for tests of the read side (filters, sorts, paging, visibility)
 * that need many products in exact states quickly. The write side is tested through HTTP with real tokens.
 */
public final class CatalogRows {

    private final JdbcTemplate jdbc;

    public CatalogRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A random lower-case word of letters only: one full-text lexeme that no other test uses. */
    public static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    public UUID category(UUID parent) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, true, 0, ?, ?)""", id, "Category " + id, "c-" + id.toString().substring(24) + "-" + word(),
                parent, now, now);
        return id;
    }

    public UUID seller(String displayName) {
        UUID id = Ids.newId();
        jdbc.update("INSERT INTO catalog.sellers (id, display_name, account_version, profile_version) VALUES (?, ?, 1, 1)",
                id, displayName);
        return id;
    }

    public Row product(UUID seller, UUID category) {
        return new Row(seller, category);
    }

    /** One product row with sensible defaults; change what the test is about, then {@link #insert()}. */
    public final class Row {
        public final UUID id = Ids.newId();
        final UUID seller;
        UUID category;
        String title = "Product " + id;
        String description = "A fine item";
        String condition = "good";
        String status = "active";
        BigDecimal price = new BigDecimal("10.00");
        BigDecimal reserve;
        boolean featured;
        long views;
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant deletedAt;
        boolean sellerSuspended;

        Row(UUID seller, UUID category) {
            this.seller = seller;
            this.category = category;
        }

        public Row title(String title) { this.title = title; return this; }
        public Row description(String description) { this.description = description; return this; }
        public Row condition(String condition) { this.condition = condition; return this; }
        public Row status(String status) { this.status = status; return this; }
        public Row price(String price) { this.price = new BigDecimal(price); return this; }
        public Row reserve(String reserve) { this.reserve = new BigDecimal(reserve); return this; }
        public Row featured() { this.featured = true; return this; }
        public Row views(long views) { this.views = views; return this; }
        public Row createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Row deleted() { this.deletedAt = Instant.now(); return this; }
        /** As the seller read model marks the products of a suspended seller. */
        public Row sellerSuspended() { this.sellerSuspended = true; return this; }

        public UUID insert() {
            jdbc.update("""
                    INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency,
                        starting_price, reserve_price, images, specifications, shipping_info, status, featured,
                        view_count, version, created_at, updated_at, deleted_at, seller_suspended)
                    VALUES (?, ?, ?, ?, ?, ?, 'EUR', ?, ?, '["https://img.example/a.jpg"]', '{"brand":"Acme"}', '{}',
                        ?, ?, ?, 0, ?, ?, ?, ?)""",
                    id, seller, category, title, description, condition, price, reserve, status, featured, views,
                    Timestamp.from(createdAt), Timestamp.from(createdAt),
                    deletedAt == null ? null : Timestamp.from(deletedAt), sellerSuspended);
            return id;
        }
    }
}
