package live.blytz.catalog.internal.product;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.events.ProductEvent;
import live.blytz.catalog.internal.CatalogProperties;
import live.blytz.sharedkernel.Caller;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ForbiddenException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationErrors;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product use cases that change state: create (a draft), edit (fields and status), feature, delete. A change
 * is allowed to the product's seller and admins (who else gets 403 or 404: ADR 0014) and publishes the events the
 * product raises, which also evict its cached public copy.
 */
@Service
class ProductService {

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final CatalogProperties properties;
    private final Clock clock;

    ProductService(ProductRepository products, ApplicationEventPublisher events, CatalogProperties properties,
            Clock clock) {
        this.products = products;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    ProductResponse create(Caller caller, NewProduct command) {
        List<FieldError> errors = problems(command);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Product product = Product.draft(Ids.newId(), caller.id(), command, currency(command, errors),
                Instants.now(clock));
        products.insert(product);
        return details(product.id());
    }

    /** Every field of a new product the rules refuse, at once: its own fields, its currency and its category. */
    @Transactional(readOnly = true)
    List<FieldError> problems(NewProduct command) {
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
    ProductResponse update(Caller caller, UUID id, ProductChanges changes, @Nullable Long expectedVersion) {
        Product product = productToChange(caller, id, expectedVersion);
        if (changes.changesAuctionTerms(product.status()) && products.lockedAuction(id) != null) {
            throw inAuction();
        }
        ValidationErrors errors = new ValidationErrors();
        UUID category = changes.categoryId().orElse(null);
        if (category != null && !category.equals(product.categoryId())) {
            categoryProblem(category).ifPresent(errors::add);
        }
        // Applied in memory first: a refused change (its errors joined with the category's) is never saved.
        List<ProductEvent> raised = errors.collect(() -> product.apply(changes, Instants.now(clock)));
        errors.throwIfAny();
        products.update(product);
        raised.forEach(events::publishEvent);
        return details(id);
    }

    /** Every field of a change the rules refuse on their own, without the product (for reporting them together). */
    List<FieldError> problems(ProductChanges changes) {
        return Product.problems(changes);
    }

    @Transactional
    ProductResponse feature(UUID id, boolean featured, @Nullable Long expectedVersion) {
        Product product = products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
        ExpectedVersion.check(expectedVersion, product.version(), "product");
        ProductEvent updated = product.feature(featured, Instants.now(clock));
        products.update(product);
        events.publishEvent(updated);
        return details(id);
    }

    @Transactional
    void delete(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Product product = productToChange(caller, id, expectedVersion);
        if (products.lockedAuction(id) != null) {
            throw inAuction();
        }
        ProductEvent deleted = product.delete(Instants.now(clock));
        products.softDelete(product);
        events.publishEvent(deleted);
    }

    private static ConflictException inAuction() {
        return new ConflictException("The product is in a scheduled or running auction (or a live show's lot): its "
                + "prices, currency and status cannot change and it cannot be deleted until the auction ends or is "
                + "cancelled (or the lot is removed)");
    }

    /**
     * A product can be filed only under an active category: an inactive one is hidden from the tree, so buyers
     * could not browse to it. A product already there may stay (and be edited) until it is moved.
     */
    private Optional<FieldError> categoryProblem(UUID categoryId) {
        Optional<Boolean> active = products.categoryActive(categoryId);
        if (active.isEmpty()) {
            return Optional.of(new FieldError("category_id", "is not an existing category"));
        }
        return active.get() ? Optional.empty() : Optional.of(new FieldError("category_id", "is not an active category"));
    }

    private ProductResponse details(UUID id) {
        return products.details(id).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    private Product productToChange(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Product product = products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
        if (!caller.mayManage(product.sellerId())) {
            if (!products.publiclyVisible(id)) {
                throw NotFoundException.of("Product", id);
            }
            throw new ForbiddenException("Only the product's seller or an admin may change it");
        }
        ExpectedVersion.check(expectedVersion, product.version(), "product");
        return product;
    }

    private @Nullable Currency currency(NewProduct command, List<FieldError> errors) {
        return command.currency() == null ? properties.defaultCurrency() : Product.currencyOf(command.currency(), errors);
    }
}
