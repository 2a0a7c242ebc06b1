package live.blytz.catalog.internal.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.CatalogRows;
import live.blytz.sharedkernel.Patch;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Tree building, slug rules, cycle and delete refusal, through the service and the public HTTP reads. */
@BlytzIntegrationTest
class CategoryTests {

    @Autowired
    RestTestClient http;
    @Autowired
    CategoryService categories;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures();
    }

    @Test
    void theTreeNestsActiveChildrenInSortOrderThenName() {
        CategoryResponse root = fixtures.category();
        categories.create(new NewCategory("Zeta", "zeta-" + root.slug(), null, null, root.id(), 1, null));
        categories.create(new NewCategory("Beta", "beta-" + root.slug(), null, null, root.id(), 2, null));
        CategoryResponse alpha = categories.create(new NewCategory("Alpha", "alpha-" + root.slug(), null, null, root.id(), 2, null));
        categories.create(new NewCategory("Hidden", "hidden-" + root.slug(), null, null, root.id(), 0, false));
        CategoryResponse grandchild = fixtures.category("Grandchild", alpha.id());

        Map<String, Object> node = rootNode(root.slug());

        List<Map<String, Object>> children = children(node);
        assertThat(children).extracting(child -> child.get("name")).containsExactly("Zeta", "Alpha", "Beta");
        assertThat(children(children.get(1))).extracting(child -> child.get("id"))
                .containsExactly(grandchild.id().toString());
        assertThat(children.get(1).get("parent_id")).isEqualTo(root.id().toString());
    }

    @Test
    void slugsAreDerivedFromTheNameMadeUniqueAndStableOnRename() {
        String name = unique("Crème Brûlée & Co.");
        CategoryResponse first = categories.create(new NewCategory(name, null, null, null, null, null, null));
        CategoryResponse second = categories.create(new NewCategory(name, null, null, null, null, null, null));

        assertThat(first.slug()).matches("creme-brulee-co-[a-z0-9]+");
        assertThat(second.slug()).isEqualTo(first.slug() + "-2");

        CategoryResponse renamed = categories.update(first.id(),
                changes().name("Something else").build(), null);
        assertThat(renamed.slug()).isEqualTo(first.slug());
        assertThat(renamed.name()).isEqualTo("Something else");
    }

    @Test
    void aNameWithoutLatinLettersStillGetsASlug() {
        CategoryResponse category = categories.create(new NewCategory("日本", null, null, null, null, null, null));
        assertThat(category.slug()).matches("category(-[0-9]+)?");
    }

    @Test
    void explicitSlugsMustBeWellFormedAndFree() {
        CategoryResponse taken = fixtures.category();
        assertThatThrownBy(() -> categories.create(new NewCategory("X", taken.slug(), null, null, null, null, null)))
                .isInstanceOf(ConflictException.class);
        for (String bad : List.of("Upper", "double--hyphen", "-leading", "with space", "0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e")) {
            assertThatThrownBy(() -> categories.create(new NewCategory("X", bad, null, null, null, null, null)))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).extracting("field").containsExactly("slug"));
        }
    }

    @Test
    void aCategoryCannotMoveUnderItselfOrItsDescendants() {
        CategoryResponse root = fixtures.category();
        CategoryResponse child = fixtures.category("Child", root.id());
        CategoryResponse grandchild = fixtures.category("Grandchild", child.id());

        assertThatThrownBy(() -> categories.update(root.id(), move(grandchild), null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.update(root.id(), move(root), null)).isInstanceOf(ConflictException.class);

        assertThat(categories.update(grandchild.id(), move(root), null).parentId()).isEqualTo(root.id());
        CategoryResponse toRoot = categories.update(child.id(),
                changes().parentId(null).build(), null);
        assertThat(toRoot.parentId()).isNull();
    }

    @Test
    void aCategoryWithChildrenOrProductsCannotBeDeleted() {
        CategoryResponse root = fixtures.category();
        CategoryResponse child = fixtures.category("Child", root.id());
        assertThatThrownBy(() -> categories.delete(root.id(), null)).isInstanceOf(ConflictException.class);

        CatalogRows rows = new CatalogRows(jdbc);
        rows.product(rows.seller("Category seller"), child.id()).status("draft").insert();
        assertThatThrownBy(() -> categories.delete(child.id(), null)).isInstanceOf(ConflictException.class);

        CategoryResponse empty = fixtures.category("Empty", root.id());
        categories.delete(empty.id(), null);
        assertThatThrownBy(() -> categories.get(empty.id().toString(), true)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaleVersionIsRefused() {
        CategoryResponse category = fixtures.category();
        categories.update(category.id(), changes().name("New name").build(), null);
        assertThatThrownBy(() -> categories.update(category.id(),
                changes().name("Other").build(), category.version()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.delete(category.id(), category.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void oneCategoryIsFoundByIdOrSlugWithItsChildrenButInactiveOnesAreHidden() {
        CategoryResponse root = fixtures.category();
        CategoryResponse child = fixtures.category("Child", root.id());
        CategoryResponse inactive = categories.create(new NewCategory(unique("Off"), null, null, null,
                null, null, false));

        http.get().uri("/api/v1/categories/{slug}", root.slug()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.category.id").isEqualTo(root.id().toString())
                .jsonPath("$.category.parent_id").isEmpty()
                .jsonPath("$.category.children[0].id").isEqualTo(child.id().toString());
        http.get().uri("/api/v1/categories/{id}", child.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.category.parent_id").isEqualTo(root.id().toString());
        http.get().uri("/api/v1/categories/{id}", inactive.id()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/categories/no-such-slug-anywhere").exchange().expectStatus().isNotFound();
    }

    @Test
    void theCachedTreeIsEvictedByEveryChange() {
        CategoryResponse root = fixtures.category();
        assertThat(rootNode(root.slug())).isNotNull();

        categories.update(root.id(), changes().name("Renamed " + root.slug()).build(), null);
        assertThat(rootNode(root.slug()).get("name")).isEqualTo("Renamed " + root.slug());

        categories.update(root.id(), changes().isActive(false).build(), null);
        assertThat(rootNode(root.slug())).isNull();
    }

    private static CategoryChanges move(CategoryResponse under) {
        return changes().parentId(under.id()).build();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Changes changes() {
        return new Changes();
    }

    /** Builds a partial update: only the fields set are sent. */
    static final class Changes {
        private Patch<String> name = Patch.absent();
        private Patch<UUID> parentId = Patch.absent();
        private Patch<Boolean> isActive = Patch.absent();

        Changes name(String name) { this.name = Patch.of(name); return this; }
        Changes parentId(UUID parentId) { this.parentId = Patch.of(parentId); return this; }
        Changes isActive(boolean isActive) { this.isActive = Patch.of(isActive); return this; }

        CategoryChanges build() {
            return new CategoryChanges(name, Patch.absent(), Patch.absent(), Patch.absent(), parentId, Patch.absent(),
                    isActive);
        }
    }

    /** Categories made through the service, with unique names so that tests never collide. */
    final class Fixtures {

        CategoryResponse category(String name, UUID parent) {
            return categories.create(new NewCategory(unique(name), null, null, null, parent, null, null));
        }

        CategoryResponse category() {
            return categories.create(new NewCategory(unique("Category"), null, null, null, null, null, null));
        }
    }

    private Map<String, Object> rootNode(String slug) {
        Map<String, List<Map<String, Object>>> tree = http.get().uri("/api/v1/categories").exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() { })
                .getResponseBody();
        return tree.get("data").stream().filter(node -> slug.equals(node.get("slug"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("children");
    }
}
