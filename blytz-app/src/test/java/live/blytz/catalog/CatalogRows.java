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
final class CatalogRows {

    private final JdbcTemplate jdbc;

    CatalogRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A random lower-case word of letters only: one full-text lexeme that no other test uses. */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    UUID category(UUID parent) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO catalog.categories (id, name, slug, parent_id, sort_order, is_active, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, true, 0, ?, ?)""", id, "Category " + id, "c-" + id.toString().substring(24) + "-" + word(),
                parent, now, now);
        return id;
    }

    UUID seller(String displayName) {
        UUID id = Ids.newId();
        jdbc.update("INSERT INTO catalog.sellers (id, display_name, account_version, profile_version) VALUES (?, ?, 1, 1)",
                id, displayName);
        return id;
    }

    Row product(UUID seller, UUID category) {
        return new Row(seller, category);
    }

    /** One product row with sensible defaults; change what the test is about, then {@link #insert()}. */
    final class Row {
        final UUID id = Ids.newId();
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

        Row(UUID seller, UUID category) {
            this.seller = seller;
            this.category = category;
        }

        Row title(String title) { this.title = title; return this; }
        Row description(String description) { this.description = description; return this; }
        Row condition(String condition) { this.condition = condition; return this; }
        Row status(String status) { this.status = status; return this; }
        Row price(String price) { this.price = new BigDecimal(price); return this; }
        Row reserve(String reserve) { this.reserve = new BigDecimal(reserve); return this; }
        Row featured() { this.featured = true; return this; }
        Row views(long views) { this.views = views; return this; }
        Row createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        Row deleted() { this.deletedAt = Instant.now(); return this; }

        UUID insert() {
            jdbc.update("""
                    INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency,
                        starting_price, reserve_price, images, specifications, shipping_info, status, featured,
                        view_count, version, created_at, updated_at, deleted_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'EUR', ?, ?, '["https://img.example/a.jpg"]', '{"brand":"Acme"}', '{}',
                        ?, ?, ?, 0, ?, ?, ?)""",
                    id, seller, category, title, description, condition, price, reserve, status, featured, views,
                    Timestamp.from(createdAt), Timestamp.from(createdAt),
                    deletedAt == null ? null : Timestamp.from(deletedAt));
            return id;
        }
    }
}
