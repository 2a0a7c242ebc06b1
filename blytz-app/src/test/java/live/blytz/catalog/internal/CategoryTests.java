package live.blytz.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.error.ConflictException;
import live.blytz.sharedkernel.error.NotFoundException;
import live.blytz.sharedkernel.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Tree building, slug rules, cycle and delete refusal, through the service and the public HTTP reads. */
@BlytzIntegrationTest
class CategoryTests {

    @Autowired
    RestTestClient http;
    @Autowired
    CategoryService categories;
    @Autowired
    ProductService products;

    CatalogFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CatalogFixtures(categories, products);
    }

    @Test
    void theTreeNestsActiveChildrenInSortOrderThenName() {
        CategoryView root = fixtures.category();
        categories.create(new NewCategory("Zeta", "zeta-" + root.slug(), null, null, root.id(), 1, null));
        categories.create(new NewCategory("Beta", "beta-" + root.slug(), null, null, root.id(), 2, null));
        CategoryView alpha = categories.create(new NewCategory("Alpha", "alpha-" + root.slug(), null, null, root.id(), 2, null));
        categories.create(new NewCategory("Hidden", "hidden-" + root.slug(), null, null, root.id(), 0, false));
        CategoryView grandchild = fixtures.category("Grandchild", alpha.id());

        Map<String, Object> node = rootNode(root.slug());

        List<Map<String, Object>> children = children(node);
        assertThat(children).extracting(child -> child.get("name")).containsExactly("Zeta", "Alpha", "Beta");
        assertThat(children(children.get(1))).extracting(child -> child.get("id"))
                .containsExactly(grandchild.id().toString());
        assertThat(children.get(1).get("parent_id")).isEqualTo(root.id().toString());
    }

    @Test
    void slugsAreDerivedFromTheNameMadeUniqueAndStableOnRename() {
        String name = CatalogFixtures.unique("Crème Brûlée & Co.");
        CategoryView first = categories.create(new NewCategory(name, null, null, null, null, null, null));
        CategoryView second = categories.create(new NewCategory(name, null, null, null, null, null, null));

        assertThat(first.slug()).matches("creme-brulee-co-[a-z0-9]+");
        assertThat(second.slug()).isEqualTo(first.slug() + "-2");

        CategoryView renamed = categories.update(first.id(),
                new CategoryChanges("Something else", null, null, null, null, null, null), null);
        assertThat(renamed.slug()).isEqualTo(first.slug());
        assertThat(renamed.name()).isEqualTo("Something else");
    }

    @Test
    void aNameWithoutLatinLettersStillGetsASlug() {
        CategoryView category = categories.create(new NewCategory("日本", null, null, null, null, null, null));
        assertThat(category.slug()).matches("category(-[0-9]+)?");
    }

    @Test
    void explicitSlugsMustBeWellFormedAndFree() {
        CategoryView taken = fixtures.category();
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
        CategoryView root = fixtures.category();
        CategoryView child = fixtures.category("Child", root.id());
        CategoryView grandchild = fixtures.category("Grandchild", child.id());

        assertThatThrownBy(() -> categories.update(root.id(), move(grandchild), null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.update(root.id(), move(root), null)).isInstanceOf(ConflictException.class);

        assertThat(categories.update(grandchild.id(), move(root), null).parentId()).isEqualTo(root.id());
        CategoryView toRoot = categories.update(child.id(),
                new CategoryChanges(null, null, null, null, Optional.empty(), null, null), null);
        assertThat(toRoot.parentId()).isNull();
    }

    @Test
    void aCategoryWithChildrenOrProductsCannotBeDeleted() {
        CategoryView root = fixtures.category();
        CategoryView child = fixtures.category("Child", root.id());
        assertThatThrownBy(() -> categories.delete(root.id(), null)).isInstanceOf(ConflictException.class);

        fixtures.draft(CatalogFixtures.seller(), child.id());
        assertThatThrownBy(() -> categories.delete(child.id(), null)).isInstanceOf(ConflictException.class);

        CategoryView empty = fixtures.category("Empty", root.id());
        categories.delete(empty.id(), null);
        assertThatThrownBy(() -> categories.get(empty.id().toString(), true)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaleVersionIsRefused() {
        CategoryView category = fixtures.category();
        categories.update(category.id(), new CategoryChanges("New name", null, null, null, null, null, null), null);
        assertThatThrownBy(() -> categories.update(category.id(),
                new CategoryChanges("Other", null, null, null, null, null, null), category.version()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> categories.delete(category.id(), category.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void oneCategoryIsFoundByIdOrSlugWithItsChildrenButInactiveOnesAreHidden() {
        CategoryView root = fixtures.category();
        CategoryView child = fixtures.category("Child", root.id());
        CategoryView inactive = categories.create(new NewCategory(CatalogFixtures.unique("Off"), null, null, null,
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
        CategoryView root = fixtures.category();
        assertThat(rootNode(root.slug())).isNotNull();

        categories.update(root.id(), new CategoryChanges("Renamed " + root.slug(), null, null, null, null, null, null), null);
        assertThat(rootNode(root.slug()).get("name")).isEqualTo("Renamed " + root.slug());

        categories.update(root.id(), new CategoryChanges(null, null, null, null, null, null, false), null);
        assertThat(rootNode(root.slug())).isNull();
    }

    private static CategoryChanges move(CategoryView under) {
        return new CategoryChanges(null, null, null, null, Optional.of(under.id()), null, null);
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
