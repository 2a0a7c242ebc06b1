package live.blytz.catalog.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import live.blytz.catalog.events.CategoryChanged;
import live.blytz.catalog.events.CategoryChanged.Change;
import live.blytz.sharedkernel.Ids;
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
public class CategoryService {

    static final String TREE_KEY = "catalog:categories:tree";

    private final CategoryRepository categories;
    private final CategoryQueries queries;
    private final ApplicationEventPublisher events;
    private final SharedCache cache;
    private final JsonMapper json;

    CategoryService(CategoryRepository categories, CategoryQueries queries, ApplicationEventPublisher events,
            SharedCache cache, JsonMapper json) {
        this.categories = categories;
        this.queries = queries;
        this.events = events;
        this.cache = cache;
        this.json = json;
    }

    /** The active tree as the JSON document {@code {"data": [...]}}, from the shared cache when it is there. */
    @Transactional(readOnly = true)
    public String treeJson() {
        return cache.get(TREE_KEY).orElseGet(() -> {
            String document = json.writeValueAsString(Map.of("data", queries.activeTree()));
            cache.offer(TREE_KEY, document);
            return document;
        });
    }

    /** One category by id or slug, with its direct children; inactive ones only for admins. */
    @Transactional(readOnly = true)
    public CategoryView get(String idOrSlug, boolean admin) {
        Optional<Category> found = Slugs.looksLikeId(idOrSlug) ? categories.findById(UUID.fromString(idOrSlug))
                : Slugs.VALID.matcher(idOrSlug).matches() ? categories.findBySlug(idOrSlug)
                : Optional.empty(); // no stored slug has other characters (and NUL would fail the query)
        Category category = found.filter(c -> c.active() || admin)
                .orElseThrow(() -> NotFoundException.of("Category", idOrSlug));
        return view(category, admin);
    }

    @Transactional
    public CategoryView create(NewCategory command) {
        queries.lockTree();
        throwIfAny(problems(command));
        String name = command.name().strip();
        String slug = command.slug() == null ? generatedSlug(name) : command.slug();
        if (command.slug() != null && categories.findBySlug(slug).isPresent()) {
            throw new ConflictException("The slug '" + slug + "' is already taken");
        }
        Instant now = now();
        Category category = categories.save(new Category(Ids.newId(), name, slug, command.description(),
                command.imageUrl(), command.parentId(), command.sortOrder() == null ? 0 : command.sortOrder(),
                command.isActive() == null || command.isActive(), null, now, now));
        changed(category.id(), Change.CREATED);
        return view(category, true);
    }

    /** Every field of a new category the rules refuse, at once; a missing name is one of them. */
    @Transactional(readOnly = true)
    public List<FieldError> problems(NewCategory command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.name() == null || command.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        checkSlug(command.slug(), errors);
        checkParent(command.parentId(), errors);
        return errors;
    }

    /**
     * Changes a category. {@code expectedVersion}, when the caller stated one, must be the current version (409);
     * the one policy of every mutable resource, see {@link ExpectedVersion}.
     */
    @Transactional
    public CategoryView update(UUID id, CategoryChanges changes, @Nullable Long expectedVersion) {
        queries.lockTree();
        Category category = categories.findById(id).orElseThrow(() -> NotFoundException.of("Category", id));
        ExpectedVersion.check(expectedVersion, category.version(), "category");
        throwIfAny(problems(changes));
        if (changes.slug() != null) {
            if (!changes.slug().equals(category.slug()) && categories.findBySlug(changes.slug()).isPresent()) {
                throw new ConflictException("The slug '" + changes.slug() + "' is already taken");
            }
            category.changeSlug(changes.slug());
        }
        if (changes.parentId() != null) {
            UUID parent = changes.parentId().orElse(null);
            if (parent != null && queries.isSelfOrAncestor(id, parent)) {
                throw new ConflictException("A category cannot move under itself or one of its descendants");
            }
            category.moveUnder(parent);
        }
        if (changes.name() != null) {
            category.rename(changes.name().strip()); // the slug stays: links to the category keep working
        }
        if (changes.description() != null) {
            category.describe(changes.description().orElse(null));
        }
        if (changes.imageUrl() != null) {
            category.showImage(changes.imageUrl().orElse(null));
        }
        if (changes.sortOrder() != null) {
            category.sortAt(changes.sortOrder());
        }
        if (changes.isActive() != null) {
            category.activate(changes.isActive());
        }
        category.touch(now());
        Category saved = categories.save(category);
        changed(id, Change.UPDATED);
        return view(saved, true);
    }

    /** Every field of a change the rules refuse, at once (those that need no current state: name, slug, parent). */
    @Transactional(readOnly = true)
    public List<FieldError> problems(CategoryChanges changes) {
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null && changes.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        checkSlug(changes.slug(), errors);
        checkParent(changes.parentId() == null ? null : changes.parentId().orElse(null), errors);
        return errors;
    }

    @Transactional
    public void delete(UUID id, @Nullable Long expectedVersion) {
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
        changed(id, Change.DELETED);
    }

    private CategoryView view(Category category, boolean includeInactiveChildren) {
        List<CategoryView> children = queries.children(category.id(), includeInactiveChildren).stream()
                .map(child -> CategoryView.of(child, List.of()))
                .toList();
        return CategoryView.of(category, children);
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
                    "must be lower-case letters and digits separated by single hyphens (at most 100), not a UUID"));
        }
    }

    private void checkParent(@Nullable UUID parentId, List<FieldError> errors) {
        if (parentId != null && !categories.existsById(parentId)) {
            errors.add(new FieldError("parent_id", "is not an existing category"));
        }
    }

    private void changed(UUID id, Change change) {
        events.publishEvent(new CategoryChanged(id, change, now()));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
