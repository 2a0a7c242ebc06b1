package live.blytz.catalog.internal.product;

import static java.util.stream.Collectors.joining;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.internal.product.ProductResponse.CategoryRef;
import live.blytz.catalog.internal.product.ProductResponse.SellerRef;
import live.blytz.sharedkernel.Codes;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of one product at a time (ADR 0012): the aggregate's load and save, the product as the API shows it, and
 * which products the public can see. Its JSON columns, the generated {@code listed}/{@code search} columns and the
 * separately counted {@code view_count} do not fit Spring Data's whole-row writes. Saving checks the version in the
 * {@code UPDATE} itself: a stale version changes no row and becomes a 409.
 */
@Repository
public class ProductRepository {

    /**
     * "Publicly visible", the one rule: a public status ({@link ProductStatus#isPublic()}), not deleted, and a
     * seller who is not suspended. The listing's generated column {@code listed} is this rule narrowed to
     * {@code active} (what is for sale), so that its partial indexes can be used.
     */
    static final String PUBLICLY_VISIBLE = "p.status IN (" + Arrays.stream(ProductStatus.values())
            .filter(ProductStatus::isPublic).map(status -> "'" + status.code() + "'").collect(joining(", "))
            + ") AND p.deleted_at IS NULL AND NOT p.seller_suspended";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new product; it inherits its seller's current suspension from the read model. */
    void insert(Product product) {
        jdbc.sql("INSERT INTO catalog.sellers (id) VALUES (:id) ON CONFLICT (id) DO NOTHING")
                .param("id", product.sellerId().value()).update();
        jdbc.sql("""
                        INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency,
                            starting_price, reserve_price, buy_now_price, images, video_url, specifications,
                            shipping_info, status, featured, seller_suspended, version, created_at, updated_at)
                        VALUES (:id, :seller, :category, :title, :description, :condition, :currency, :starting,
                            :reserve, :buyNow, CAST(:images AS jsonb), :video, CAST(:specifications AS jsonb),
                            CAST(:shipping AS jsonb), :status, :featured,
                            (SELECT suspended FROM catalog.sellers WHERE id = :seller), 0, :created, :updated)""")
                .paramSource(parameters(product))
                .update();
    }

    /** Saves the changed aggregate if nobody saved it since it was loaded, at the loaded version plus one. */
    void update(Product product) {
        int changed = jdbc.sql("""
                        UPDATE catalog.products SET category_id = :category, title = :title, description = :description,
                            condition = :condition, currency = :currency, starting_price = :starting,
                            reserve_price = :reserve, buy_now_price = :buyNow, images = CAST(:images AS jsonb),
                            video_url = :video, specifications = CAST(:specifications AS jsonb),
                            shipping_info = CAST(:shipping AS jsonb), status = :status, featured = :featured,
                            version = version + 1, updated_at = :updated
                        WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .paramSource(parameters(product))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("product " + product.id() + " changed concurrently");
        }
    }

    void softDelete(Product product) {
        int changed = jdbc.sql("""
                        UPDATE catalog.products SET deleted_at = :now, version = version + 1, updated_at = :now
                        WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .param("id", product.id()).param("version", product.version())
                .param("now", Timestamp.from(product.updatedAt()))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("product " + product.id() + " changed concurrently");
        }
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql("SELECT * FROM catalog.products WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(this::product).optional();
    }

    /**
     * The auction that holds the product (ADR 0025), read with the row locked until the transaction ends, so that a
     * reservation cannot start between this check and the change that relies on it; null when none does.
     */
    @Nullable UUID lockedAuction(UUID id) {
        return jdbc.sql("SELECT auction_id FROM catalog.products WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .param("id", id).query((rs, row) -> rs.getObject("auction_id", UUID.class)).optional().orElse(null);
    }

    /** Holds the product for an auction; a new version, as the product's representation shows its auction. */
    void reserveFor(UUID id, UUID auctionId) {
        jdbc.sql("UPDATE catalog.products SET auction_id = :auction, version = version + 1 WHERE id = :id")
                .param("id", id).param("auction", auctionId).update();
    }

    /** Ends the hold of {@code auctionId}, if it still holds the product; true when it did (a new version). */
    boolean release(UUID id, UUID auctionId) {
        return jdbc.sql("""
                        UPDATE catalog.products SET auction_id = NULL, version = version + 1
                        WHERE id = :id AND auction_id = :auction""")
                .param("id", id).param("auction", auctionId).update() == 1;
    }

    /** Whether the category exists and is active: products are filed only under active categories. */
    Optional<Boolean> categoryActive(UUID categoryId) {
        return jdbc.sql("SELECT is_active FROM catalog.categories WHERE id = :id")
                .param("id", categoryId).query(Boolean.class).optional();
    }

    /** The product as the API shows it, with its seller's name and its category; never a deleted one. */
    public Optional<ProductResponse> details(UUID id) {
        return jdbc.sql("""
                        SELECT p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name,
                            c.slug AS category_slug, p.title, p.description, p.condition, p.currency, p.starting_price,
                            p.reserve_price, p.buy_now_price, p.images::text AS images, p.video_url,
                            p.specifications::text AS specifications, p.shipping_info::text AS shipping_info, p.status,
                            p.auction_id, p.featured, p.view_count, p.version, p.created_at, p.updated_at,
                            (%s) AS publicly_visible
                        FROM catalog.products p
                        JOIN catalog.sellers s ON s.id = p.seller_id
                        JOIN catalog.categories c ON c.id = p.category_id
                        WHERE p.id = :id AND p.deleted_at IS NULL""".formatted(PUBLICLY_VISIBLE))
                .param("id", id).query(ProductRepository::details).optional();
    }

    boolean publiclyVisible(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog.products p WHERE p.id = :id AND " + PUBLICLY_VISIBLE + ")")
                .param("id", id).query(Boolean.class).single();
    }

    /** Ids of a seller's publicly visible products, whose cached copies a change of the seller makes stale. */
    public List<UUID> visibleIdsOf(UserId sellerId) {
        return jdbc.sql("SELECT p.id FROM catalog.products p WHERE p.seller_id = :seller AND " + PUBLICLY_VISIBLE)
                .param("seller", sellerId.value()).query(UUID.class).list();
    }

    /** Ids of a category's publicly visible products, whose cached copies show the category's name and slug. */
    public List<UUID> visibleIdsIn(UUID categoryId) {
        return jdbc.sql("SELECT p.id FROM catalog.products p WHERE p.category_id = :category AND " + PUBLICLY_VISIBLE)
                .param("category", categoryId).query(UUID.class).list();
    }

    /** Adds counted views to {@code view_count}, all in one statement. */
    public void addViews(Map<UUID, Long> views) {
        jdbc.sql("""
                        UPDATE catalog.products p SET view_count = p.view_count + v.views
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:views AS bigint[])) AS v(id, views)
                        WHERE p.id = v.id""")
                .param("ids", views.keySet().stream().map(UUID::toString).toArray(String[]::new))
                .param("views", views.values().toArray(Long[]::new))
                .update();
    }

    private MapSqlParameterSource parameters(Product product) {
        Prices prices = product.prices();
        return new MapSqlParameterSource()
                .addValue("id", product.id())
                .addValue("seller", product.sellerId().value())
                .addValue("category", product.categoryId())
                .addValue("title", product.title())
                .addValue("description", product.description())
                .addValue("condition", product.condition().code())
                .addValue("currency", prices.currency().getCurrencyCode())
                .addValue("starting", prices.starting().amount())
                .addValue("reserve", amount(prices.reserve()), Types.NUMERIC)
                .addValue("buyNow", amount(prices.buyNow()), Types.NUMERIC)
                .addValue("images", json.writeValueAsString(product.images()))
                .addValue("video", product.videoUrl(), Types.VARCHAR)
                .addValue("specifications", product.specifications())
                .addValue("shipping", product.shippingInfo())
                .addValue("status", product.status().code())
                .addValue("featured", product.featured())
                .addValue("version", product.version())
                .addValue("created", Timestamp.from(product.createdAt()))
                .addValue("updated", Timestamp.from(product.updatedAt()));
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    private Product product(ResultSet rs, int rowNum) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        BigDecimal reserve = rs.getBigDecimal("reserve_price");
        BigDecimal buyNow = rs.getBigDecimal("buy_now_price");
        Prices prices = new Prices(new Money(rs.getBigDecimal("starting_price"), currency),
                reserve == null ? null : new Money(reserve, currency), buyNow == null ? null : new Money(buyNow, currency));
        return new Product(rs.getObject("id", UUID.class), new UserId(rs.getObject("seller_id", UUID.class)),
                rs.getObject("category_id", UUID.class), rs.getString("title"), rs.getString("description"),
                Codes.parse(ProductCondition.class, rs.getString("condition")), prices,
                List.of(json.readValue(rs.getString("images"), String[].class)), rs.getString("video_url"),
                rs.getString("specifications"), rs.getString("shipping_info"),
                Codes.parse(ProductStatus.class, rs.getString("status")), rs.getBoolean("featured"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ProductResponse details(ResultSet rs, int rowNum) throws SQLException {
        UUID sellerId = rs.getObject("seller_id", UUID.class);
        return new ProductResponse(rs.getObject("id", UUID.class),
                new SellerRef(sellerId, rs.getString("display_name")),
                new CategoryRef(rs.getObject("category_id", UUID.class), rs.getString("category_name"),
                        rs.getString("category_slug")),
                rs.getString("title"), rs.getString("description"), rs.getString("condition"), rs.getString("currency"),
                rs.getBigDecimal("starting_price"), rs.getBigDecimal("reserve_price"), rs.getBigDecimal("buy_now_price"),
                rs.getString("images"), rs.getString("video_url"), rs.getString("specifications"),
                rs.getString("shipping_info"), rs.getString("status"), rs.getObject("auction_id", UUID.class),
                rs.getBoolean("featured"),
                rs.getLong("view_count"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), new UserId(sellerId), rs.getBoolean("publicly_visible"));
    }
}
