package live.blytz.catalog.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import live.blytz.sharedkernel.Money;
import live.blytz.sharedkernel.UserId;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The product aggregate as its seller edits it. Every change goes through methods that keep it valid: prices
 * checked together, images capped, status moved only along the allowed transitions, sold/archived frozen.
 * {@code view_count} is not part of it: views are counted elsewhere and never conflict with an edit.
 */
public final class Product {

    public static final int MAX_IMAGES = 20;
    public static final int MAX_URL_LENGTH = 2048;
    static final int MAX_JSON_CHARS = 16_384;
    public static final int MIN_TITLE = 3;
    public static final int MAX_TITLE = 200;

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
        if (changes.title() != null) {
            checkedTitle(changes.title(), errors);
        }
        if (changes.images() != null) {
            checkedImages(changes.images(), errors);
        }
        if (changes.videoUrl() != null) {
            changes.videoUrl().ifPresent(url -> checkedUrl("video_url", url, errors));
        }
        if (changes.specifications() != null) {
            checkedObject("specifications", changes.specifications(), errors);
        }
        if (changes.shippingInfo() != null) {
            checkedObject("shipping_info", changes.shippingInfo(), errors);
        }
        if (changes.currency() != null) {
            currencyOf(changes.currency(), errors);
        }
        return errors;
    }

    /** Applies a partial update against the merged state; a sold or archived product refuses any field change. */
    void apply(ProductChanges changes, Instant now) {
        if (changes.changesFields() && !status.editable()) {
            throw new ConflictException("A " + status.code() + " product can no longer be edited");
        }
        List<FieldError> errors = new ArrayList<>();
        String newTitle = changes.title() == null ? title : checkedTitle(changes.title(), errors);
        List<String> newImages = changes.images() == null ? images : checkedImages(changes.images(), errors);
        String newVideo = changes.videoUrl() == null ? videoUrl
                : changes.videoUrl().map(url -> checkedUrl("video_url", url, errors)).orElse(null);
        String newSpecifications = changes.specifications() == null ? specifications
                : checkedObject("specifications", changes.specifications(), errors);
        String newShipping = changes.shippingInfo() == null ? shippingInfo
                : checkedObject("shipping_info", changes.shippingInfo(), errors);
        Currency currency = changes.currency() == null ? prices.currency() : currencyOf(changes.currency(), errors);
        Prices newPrices = currency == null ? prices : pricesOrCollect(currency,
                changes.startingPrice() == null ? prices.starting().amount() : changes.startingPrice(),
                changes.reservePrice() == null ? amount(prices.reserve()) : changes.reservePrice().orElse(null),
                changes.buyNowPrice() == null ? amount(prices.buyNow()) : changes.buyNowPrice().orElse(null),
                errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (changes.categoryId() != null) {
            categoryId = changes.categoryId();
        }
        title = newTitle;
        if (changes.description() != null) {
            description = changes.description();
        }
        if (changes.condition() != null) {
            condition = changes.condition();
        }
        prices = newPrices;
        images = newImages;
        videoUrl = newVideo;
        specifications = newSpecifications;
        shippingInfo = newShipping;
        if (changes.status() != null && changes.status() != status) {
            moveTo(changes.status());
        }
        updatedAt = now;
    }

    void moveTo(ProductStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A product cannot move from " + status.code() + " to " + target.code());
        }
        status = target;
    }

    void feature(boolean featured, Instant now) {
        this.featured = featured;
        this.updatedAt = now;
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
        if (title.length() < MIN_TITLE || title.length() > MAX_TITLE) {
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
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > MAX_URL_LENGTH || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null) {
                errors.add(new FieldError(field, "must be an absolute http or https URL of at most "
                        + MAX_URL_LENGTH + " characters"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "must be an absolute http or https URL"));
        }
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
