package live.blytz.catalog.internal.category;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.events.CategoryChanged;
import live.blytz.catalog.events.CategoryChanged.Change;
import live.blytz.catalog.internal.cache.CacheKeys;
import live.blytz.catalog.internal.cache.SharedCache;
import live.blytz.sharedkernel.HttpUrls;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Instants;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Creates, changes, deletes and reads categories; keeps the tree a tree and the slugs unique. */
@Service
class CategoryService {

    private final CategoryRepository categories;
    private final CategoryQueries queries;
    private final ApplicationEventPublisher events;
    private final SharedCache cache;
    private final JsonMapper json;
    private final Clock clock;

    CategoryService(CategoryRepository categories, CategoryQueries queries, ApplicationEventPublisher events,
            SharedCache cache, JsonMapper json, Clock clock) {
        this.categories = categories;
        this.queries = queries;
        this.events = events;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    /** The active tree as the JSON document {@code {"data": [...]}}, from the shared cache when it is there. */
    @Transactional(readOnly = true)
    String treeJson() {
        return cache.get(CacheKeys.CATEGORY_TREE).orElseGet(() -> {
            String document = json.writeValueAsString(new CategoryResponse.Tree(queries.activeTree()));
            cache.offer(CacheKeys.CATEGORY_TREE, document);
            return document;
        });
    }

    /** One category by id or slug, with its direct children; inactive ones only for admins. */
    @Transactional(readOnly = true)
    CategoryResponse get(String idOrSlug, boolean admin) {
        Optional<Category> found = Slugs.looksLikeId(idOrSlug) ? categories.findById(UUID.fromString(idOrSlug))
                : Slugs.VALID.matcher(idOrSlug).matches() ? categories.findBySlug(idOrSlug)
                : Optional.empty(); // no stored slug has other characters (and NUL would fail the query)
        Category category = found.filter(c -> c.active() || admin)
                .orElseThrow(() -> NotFoundException.of("Category", idOrSlug));
        return view(category, admin);
    }

    @Transactional
    CategoryResponse create(NewCategory command) {
        queries.lockTree();
        throwIfAny(problems(command));
        String name = command.name().strip();
        String slug = command.slug() == null ? generatedSlug(name) : command.slug();
        if (command.slug() != null && categories.findBySlug(slug).isPresent()) {
            throw new ConflictException("The slug '" + slug + "' is already taken");
        }
        Instant now = Instants.now(clock);
        Category category = categories.save(new Category(Ids.newId(), name, slug, command.description(),
                command.imageUrl(), command.parentId(), command.sortOrder() == null ? 0 : command.sortOrder(),
                command.isActive() == null || command.isActive(), null, now, now));
        changed(category.id(), Change.CREATED, now);
        return view(category, true);
    }

    /** Every field of a new category the rules refuse, at once; a missing name is one of them. */
    @Transactional(readOnly = true)
    List<FieldError> problems(NewCategory command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.name() == null || command.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        checkSlug(command.slug(), errors);
        checkImageUrl(command.imageUrl(), errors);
        checkParent(command.parentId(), errors);
        return errors;
    }

    /**
     * Changes a category. {@code expectedVersion}, when the caller stated one, must be the current version (409);
     * the one policy of every mutable resource, see {@link ExpectedVersion}.
     */
    @Transactional
    CategoryResponse update(UUID id, CategoryChanges changes, @Nullable Long expectedVersion) {
        queries.lockTree();
        Category category = categories.findById(id).orElseThrow(() -> NotFoundException.of("Category", id));
        ExpectedVersion.check(expectedVersion, category.version(), "category");
        throwIfAny(problems(changes));
        String slug = changes.slug().orElse(null);
        if (slug != null) {
            if (!slug.equals(category.slug()) && categories.findBySlug(slug).isPresent()) {
                throw new ConflictException("The slug '" + slug + "' is already taken");
            }
            category.changeSlug(slug);
        }
        if (changes.parentId().isSent()) {
            UUID parent = changes.parentId().orElse(null);
            if (parent != null && queries.isSelfOrAncestor(id, parent)) {
                throw new ConflictException("A category cannot move under itself or one of its descendants");
            }
            category.moveUnder(parent);
        }
        String name = changes.name().orElse(null);
        if (name != null) {
            category.rename(name.strip()); // the slug stays: links to the category keep working
        }
        if (changes.description().isSent()) {
            category.describe(changes.description().orElse(null));
        }
        if (changes.imageUrl().isSent()) {
            category.showImage(changes.imageUrl().orElse(null));
        }
        Integer sortOrder = changes.sortOrder().orElse(null);
        if (sortOrder != null) {
            category.sortAt(sortOrder);
        }
        Boolean active = changes.isActive().orElse(null);
        if (active != null) {
            category.activate(active);
        }
        Instant now = Instants.now(clock);
        category.touch(now);
        Category saved = categories.save(category);
        changed(id, Change.UPDATED, now);
        return view(saved, true);
    }

    /** Every field of a change the rules refuse, at once (those that need no current state). */
    @Transactional(readOnly = true)
    List<FieldError> problems(CategoryChanges changes) {
        List<FieldError> errors = new ArrayList<>();
        String name = changes.name().orElse(null);
        if (name != null && name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        checkSlug(changes.slug().orElse(null), errors);
        checkImageUrl(changes.imageUrl().orElse(null), errors);
        checkParent(changes.parentId().orElse(null), errors);
        return errors;
    }

    @Transactional
    void delete(UUID id, @Nullable Long expectedVersion) {
        queries.lockTree();
        Category category = categories.findById(id).orElseThrow(() -> NotFoundException.of("Category", id));
        ExpectedVersion.check(expectedVersion, category.version(), "category");
        if (categories.existsByParentId(id)) {
            throw new ConflictException("The category has sub-categories; move or delete them first");
        }
        if (queries.hasProducts(id)) {
            throw new ConflictException("The category has products; move them to another category first");
        }
        categories.delete(category);
        changed(id, Change.DELETED, Instants.now(clock));
    }

    private CategoryResponse view(Category category, boolean includeInactiveChildren) {
        List<CategoryResponse> children = queries.children(category.id(), includeInactiveChildren).stream()
                .map(child -> CategoryResponse.of(child, List.of()))
                .toList();
        return CategoryResponse.of(category, children);
    }

    private String generatedSlug(String name) {
        String base = Slugs.fromName(name);
        if (base.isEmpty() || Slugs.looksLikeId(base)) {
            base = base.isEmpty() ? "category" : "category-" + base;
        }
        return queries.freeSlug(base);
    }

    private static void checkSlug(@Nullable String slug, List<FieldError> errors) {
        if (slug != null && !Slugs.isValid(slug)) {
            errors.add(new FieldError("slug",
                    "must be lower-case letters and digits separated by single hyphens (at most "
                            + Slugs.MAX_LENGTH + "), not a UUID"));
        }
    }

    private static void checkImageUrl(@Nullable String url, List<FieldError> errors) {
        if (url != null) {
            HttpUrls.problem(url).ifPresent(problem -> errors.add(new FieldError("image_url", problem)));
        }
    }

    private void checkParent(@Nullable UUID parentId, List<FieldError> errors) {
        if (parentId != null && !categories.existsById(parentId)) {
            errors.add(new FieldError("parent_id", "is not an existing category"));
        }
    }

    private void changed(UUID id, Change change, Instant at) {
        events.publishEvent(new CategoryChanged(id, change, at));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
