package live.blytz.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.events.ProductArchived;
import live.blytz.catalog.events.ProductDeleted;
import live.blytz.catalog.events.ProductPublished;
import live.blytz.catalog.events.ProductSold;
import live.blytz.catalog.events.ProductUpdated;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product use cases that change state: create, edit (fields and status), feature, delete. Every change
 * checks ownership first and publishes the module's event, which also evicts the cached public copy.
 * <p>
 * Another seller touching a product gets 404 when the product is not public (a draft's existence is not
 * disclosed) and 403 when it is (it exists for everyone, so hiding it would be a lie that helps nobody).
 */
@Service
public class ProductService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ApplicationEventPublisher events;
    private final CatalogProperties properties;

    ProductService(ProductRepository products, CategoryRepository categories, ApplicationEventPublisher events,
            CatalogProperties properties) {
        this.products = products;
        this.categories = categories;
        this.events = events;
        this.properties = properties;
    }

    @Transactional
    public ProductDetails create(Caller caller, NewProduct command) {
        List<FieldError> errors = problems(command);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Product product = Product.draft(Ids.newId(), caller.id(), command, currency(command, errors),
                CategoryService.now());
        products.insert(product);
        return details(product.id());
    }

    /** Every field of a new product the rules refuse, at once: its own fields, its currency and its category. */
    @Transactional(readOnly = true)
    public List<FieldError> problems(NewProduct command) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = currency(command, errors);
        if (command.categoryId() != null) {
            categoryProblem(command.categoryId()).ifPresent(errors::add);
        }
        errors.addAll(Product.problems(command, currency));
        return errors;
    }

    /**
     * Changes a product. {@code expectedVersion}, when the caller stated one, must be the current version (409);
     * the one policy of every mutable resource, see {@link ExpectedVersion}.
     */
    @Transactional
    public ProductDetails update(Caller caller, UUID id, ProductChanges changes, @Nullable Long expectedVersion) {
        Product product = productToChange(caller, id, expectedVersion);
        ValidationErrors errors = new ValidationErrors();
        if (changes.categoryId() != null && !changes.categoryId().equals(product.categoryId())) {
            categoryProblem(changes.categoryId()).ifPresent(errors::add);
        }
        ProductStatus before = product.status();
        // Applied in memory first: a refused change (its errors joined with the category's) is never saved.
        errors.collect(() -> {
            product.apply(changes, CategoryService.now());
            return product;
        });
        errors.throwIfAny();
        long version = products.update(product);
        publishChange(product, before, changes.changesFields(), version);
        return details(id);
    }

    /** Every field of a change the rules refuse on their own, without the product (for reporting them together). */
    public List<FieldError> problems(ProductChanges changes) {
        return Product.problems(changes);
    }

    @Transactional
    public ProductDetails feature(UUID id, boolean featured, @Nullable Long expectedVersion) {
        Product product = products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
        ExpectedVersion.check(expectedVersion, product.version(), "product");
        product.feature(featured, CategoryService.now());
        long version = products.update(product);
        events.publishEvent(new ProductUpdated(id, product.sellerId(), product.status().code(), version,
                product.updatedAt()));
        return details(id);
    }

    @Transactional
    public void delete(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Product product = productToChange(caller, id, expectedVersion);
        Instant now = CategoryService.now();
        if (!products.softDelete(id, product.version(), now)) {
            throw new OptimisticLockingFailureException("product " + id + " changed concurrently");
        }
        events.publishEvent(new ProductDeleted(id, product.sellerId(), now));
    }

    /**
     * A product can be filed only under an active category: an inactive one is hidden from the tree, so buyers
     * could not browse to it. A product already there may stay (and be edited) until it is moved.
     */
    private Optional<FieldError> categoryProblem(UUID categoryId) {
        Optional<Category> category = categories.findById(categoryId);
        if (category.isEmpty()) {
            return Optional.of(new FieldError("category_id", "is not an existing category"));
        }
        return category.get().active() ? Optional.empty()
                : Optional.of(new FieldError("category_id", "is not an active category"));
    }

    private ProductDetails details(UUID id) {
        return products.details(id).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    private Product productToChange(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Product product = products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
        if (!Caller.mayManage(caller, product.sellerId())) {
            boolean visible = products.details(id).map(ProductDetails::publiclyVisible).orElse(false);
            if (!visible) {
                throw NotFoundException.of("Product", id);
            }
            throw new ForbiddenException("Only the product's seller or an admin may change it");
        }
        ExpectedVersion.check(expectedVersion, product.version(), "product");
        return product;
    }

    private void publishChange(Product product, ProductStatus before, boolean fieldsChanged, long version) {
        ProductStatus after = product.status();
        Instant at = product.updatedAt();
        boolean statusEvent = false;
        if (before != after) {
            statusEvent = true;
            switch (after) {
                case ACTIVE -> events.publishEvent(new ProductPublished(product.id(), product.sellerId(),
                        product.categoryId(), product.title(), product.prices().currency().getCurrencyCode(),
                        product.prices().starting().amount(),
                        product.prices().buyNow() == null ? null : product.prices().buyNow().amount(), version, at));
                case SOLD -> events.publishEvent(new ProductSold(product.id(), product.sellerId(), version, at));
                case ARCHIVED -> events.publishEvent(new ProductArchived(product.id(), product.sellerId(), version, at));
                case DRAFT -> statusEvent = false;
            }
        }
        if (fieldsChanged || !statusEvent) {
            events.publishEvent(new ProductUpdated(product.id(), product.sellerId(), after.code(), version, at));
        }
    }

    private @Nullable Currency currency(NewProduct command, List<FieldError> errors) {
        return command.currency() == null ? properties.defaultCurrency() : Product.currencyOf(command.currency(), errors);
    }
}
