package live.blytz.catalog.internal.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.events.ProductArchived;
import live.blytz.catalog.events.ProductDeleted;
import live.blytz.catalog.events.ProductEvent;
import live.blytz.catalog.events.ProductPublished;
import live.blytz.catalog.events.ProductSold;
import live.blytz.catalog.events.ProductUpdated;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The product aggregate as its seller edits it. Every change goes through methods that keep it valid: prices
 * checked together, images capped, status moved only along the allowed transitions, sold/archived frozen. Each
 * change returns the events it raises, stamped with the version it is saved at (every save adds one, see
 * {@link ProductRepository#update}); the service only publishes them.
 * {@code view_count} is not part of it: views are counted elsewhere and never conflict with an edit.
 */
public final class Product {

    public static final int MIN_TITLE = 3;
    public static final int MAX_TITLE = 200;
    public static final int MAX_IMAGES = 20;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_JSON_CHARS = 16_384;

    private final UUID id;
    private final UserId sellerId;
    private UUID categoryId;
    private String title;
    private String description;
    private ProductCondition condition;
    private Prices prices;
    private List<String> images;
    private @Nullable String videoUrl;
    private String specifications;
    private String shippingInfo;
    private ProductStatus status;
    private boolean featured;
    private final long version;
    private final Instant createdAt;
    private Instant updatedAt;

    Product(UUID id, UserId sellerId, UUID categoryId, String title, String description, ProductCondition condition,
            Prices prices, List<String> images, @Nullable String videoUrl, String specifications, String shippingInfo,
            ProductStatus status, boolean featured, long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.sellerId = sellerId;
        this.categoryId = categoryId;
        this.title = title;
        this.description = description;
        this.condition = condition;
        this.prices = prices;
        this.images = List.copyOf(images);
        this.videoUrl = videoUrl;
        this.specifications = specifications;
        this.shippingInfo = shippingInfo;
        this.status = status;
        this.featured = featured;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Product draft(UUID id, UserId sellerId, NewProduct command, Currency currency, Instant now) {
        List<FieldError> errors = problems(command, currency);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Product(id, sellerId, command.categoryId(), command.title().strip(),
                command.description() == null ? "" : command.description(), command.condition(),
                Prices.of(currency, command.startingPrice(), command.reservePrice(), command.buyNowPrice()),
                command.images() == null ? List.of() : command.images(), command.videoUrl(),
                command.specifications() == null ? "{}" : command.specifications(),
                command.shippingInfo() == null ? "{}" : command.shippingInfo(), ProductStatus.DRAFT, false, 0, now, now);
    }

    /**
     * Every field of a new product these rules refuse, at once: missing required values included, so that it holds
     * for any caller. Prices are checked only in a known {@code currency} (null: the currency itself was refused).
     */
    static List<FieldError> problems(NewProduct command, @Nullable Currency currency) {
        List<FieldError> errors = new ArrayList<>();
        required("category_id", command.categoryId(), errors);
        required("condition", command.condition(), errors);
        required("starting_price", command.startingPrice(), errors);
        if (command.title() == null) {
            errors.add(new FieldError("title", "is required"));
        } else {
            checkedTitle(command.title(), errors);
        }
        if (command.images() != null) {
            checkedImages(command.images(), errors);
        }
        if (command.videoUrl() != null) {
            checkedUrl("video_url", command.videoUrl(), errors);
        }
        checkedObject("specifications", command.specifications(), errors);
        checkedObject("shipping_info", command.shippingInfo(), errors);
        if (currency != null && command.startingPrice() != null) {
            pricesOrCollect(currency, command.startingPrice(), command.reservePrice(), command.buyNowPrice(), errors);
        }
        return errors;
    }

    /**
     * Every field of a change these rules refuse on their own, without the product it applies to (prices are
     * checked against each other only by {@link #apply}, on the merged result).
     */
    static List<FieldError> problems(ProductChanges changes) {
        List<FieldError> errors = new ArrayList<>();
        String newTitle = changes.title().orElse(null);
        if (newTitle != null) {
            checkedTitle(newTitle, errors);
        }
        List<String> newImages = changes.images().orElse(null);
        if (newImages != null) {
            checkedImages(newImages, errors);
        }
        String newVideo = changes.videoUrl().orElse(null);
        if (newVideo != null) {
            checkedUrl("video_url", newVideo, errors);
        }
        checkedObject("specifications", changes.specifications().orElse(null), errors);
        checkedObject("shipping_info", changes.shippingInfo().orElse(null), errors);
        String newCurrency = changes.currency().orElse(null);
        if (newCurrency != null) {
            currencyOf(newCurrency, errors);
        }
        return errors;
    }

    /**
     * Applies a partial update against the merged state and returns the events it raises; a sold or archived
     * product refuses any field change.
     */
    List<ProductEvent> apply(ProductChanges changes, Instant now) {
        if (changes.changesFields() && !status.editable()) {
            throw new ConflictException("A " + status.code() + " product can no longer be edited");
        }
        List<FieldError> errors = new ArrayList<>();
        String newTitle = changes.title().map(raw -> checkedTitle(raw, errors)).orElse(title);
        List<String> newImages = changes.images().map(sent -> checkedImages(sent, errors)).orElse(images);
        String newVideo = changes.videoUrl().map(url -> checkedUrl("video_url", url, errors)).orElse(videoUrl);
        String newSpecifications = changes.specifications()
                .map(json -> checkedObject("specifications", json, errors)).orElse(specifications);
        String newShipping = changes.shippingInfo()
                .map(json -> checkedObject("shipping_info", json, errors)).orElse(shippingInfo);
        Currency currency = changes.currency().map(code -> currencyOf(code, errors)).orElse(prices.currency());
        Prices newPrices = currency == null ? prices : pricesOrCollect(currency,
                changes.startingPrice().orElse(prices.starting().amount()),
                changes.reservePrice().orElse(amount(prices.reserve())),
                changes.buyNowPrice().orElse(amount(prices.buyNow())),
                errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        categoryId = changes.categoryId().orElse(categoryId);
        title = newTitle;
        description = changes.description().orElse(description);
        condition = changes.condition().orElse(condition);
        prices = newPrices;
        images = newImages;
        videoUrl = newVideo;
        specifications = newSpecifications;
        shippingInfo = newShipping;
        updatedAt = now;
        ProductStatus target = changes.status().orElse(status);
        Optional<ProductEvent> moved = target == status ? Optional.empty() : moveTo(target);
        List<ProductEvent> events = new ArrayList<>();
        moved.ifPresent(events::add);
        // A status event says all a listener needs about a pure status move; anything else is an update.
        if (changes.changesFields() || moved.isEmpty()) {
            events.add(updated());
        }
        return List.copyOf(events);
    }

    /**
     * Going live, being sold and being archived are events of their own; going back to draft is not (the
     * {@code ProductUpdated} with status {@code draft} tells listeners).
     */
    private Optional<ProductEvent> moveTo(ProductStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A product cannot move from " + status.code() + " to " + target.code());
        }
        status = target;
        return switch (target) {
            case ACTIVE -> Optional.of(new ProductPublished(id, sellerId, categoryId, title,
                    prices.currency().getCurrencyCode(), prices.starting().amount(), amount(prices.buyNow()),
                    savedVersion(), updatedAt));
            case SOLD -> Optional.of(new ProductSold(id, sellerId, savedVersion(), updatedAt));
            case ARCHIVED -> Optional.of(new ProductArchived(id, sellerId, savedVersion(), updatedAt));
            case DRAFT -> Optional.empty();
        };
    }

    /** An auction sold it ({@code active → sold}); the event says so. */
    ProductEvent sell(Instant now) {
        updatedAt = now;
        return moveTo(ProductStatus.SOLD).orElseThrow();
    }

    ProductUpdated feature(boolean featured, Instant now) {
        this.featured = featured;
        this.updatedAt = now;
        return updated();
    }

    ProductDeleted delete(Instant now) {
        this.updatedAt = now;
        return new ProductDeleted(id, sellerId, now);
    }

    private ProductUpdated updated() {
        return new ProductUpdated(id, sellerId, status.code(), savedVersion(), updatedAt);
    }

    /** The version this change is saved at: the loaded one plus one. */
    private long savedVersion() {
        return version + 1;
    }

    static @Nullable Currency currencyOf(String code, List<FieldError> errors) {
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            if (!currency.getCurrencyCode().equals(code)) {
                errors.add(new FieldError("currency", "must be an upper-case ISO 4217 code, e.g. EUR"));
                return null;
            }
            return currency;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code, e.g. EUR"));
            return null;
        }
    }

    private static @Nullable Prices pricesOrCollect(Currency currency, BigDecimal starting,
            @Nullable BigDecimal reserve, @Nullable BigDecimal buyNow, List<FieldError> errors) {
        try {
            return Prices.of(currency, starting, reserve, buyNow);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static void required(String field, @Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    /** The title as stored (stripped), which is what the length rule and the database's CHECK apply to. */
    private static String checkedTitle(String raw, List<FieldError> errors) {
        String title = raw.strip();
        int length = title.codePointCount(0, title.length());
        if (length < MIN_TITLE || length > MAX_TITLE) {
            errors.add(new FieldError("title", "must have " + MIN_TITLE + " to " + MAX_TITLE
                    + " characters, not counting leading and trailing spaces"));
        }
        return title;
    }

    private static List<String> checkedImages(List<String> images, List<FieldError> errors) {
        if (images.size() > MAX_IMAGES) {
            errors.add(new FieldError("images", "must have at most " + MAX_IMAGES + " URLs"));
            return images;
        }
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == null) {
                errors.add(new FieldError("images[" + i + "]", "must not be null"));
            } else {
                checkedUrl("images[" + i + "]", images.get(i), errors);
            }
        }
        return images;
    }

    private static String checkedUrl(String field, String url, List<FieldError> errors) {
        HttpUrls.problem(url).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return url;
    }

    private static String checkedObject(String field, @Nullable String json, List<FieldError> errors) {
        if (json == null) {
            return "{}";
        }
        if (json.length() > MAX_JSON_CHARS) {
            errors.add(new FieldError(field, "must be at most " + MAX_JSON_CHARS + " characters of JSON"));
        }
        return json;
    }

    UUID id() { return id; }
    UserId sellerId() { return sellerId; }
    UUID categoryId() { return categoryId; }
    String title() { return title; }
    String description() { return description; }
    ProductCondition condition() { return condition; }
    Prices prices() { return prices; }
    List<String> images() { return images; }
    @Nullable String videoUrl() { return videoUrl; }
    String specifications() { return specifications; }
    String shippingInfo() { return shippingInfo; }
    ProductStatus status() { return status; }
    boolean featured() { return featured; }
    long version() { return version; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
