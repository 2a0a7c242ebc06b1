package live.blytz.catalog.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.catalog.internal.cache.SharedCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalogue is loaded once and is a browsable marketplace. The shared test context runs without the
 * {@code demo} profile, so the loader is called here directly; its categories ({@code demo-*}) and sellers are its
 * own, which no other test counts.
 */
@BlytzIntegrationTest
class DemoCatalogTests {

    private static final int PRODUCTS = 300;
    private static final String FROM_DEMO = """
            FROM catalog.products p JOIN catalog.categories c ON c.id = p.category_id WHERE c.slug LIKE 'demo-%'""";
    private static final String DEMO_PRODUCTS = "SELECT count(*) " + FROM_DEMO;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SharedCache cache;
    @Autowired
    RestTestClient http;
    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void itLoadsOnceABrowsableCatalogue() {
        DemoCatalog demo = new DemoCatalog(jdbc, transactions, cache, new DemoCatalogProperties(PRODUCTS));
        demo.seed(); // loads it, unless an earlier run of this test already did on this database
        assertThat(count("SELECT count(*) FROM catalog.categories WHERE slug LIKE 'demo-%'")).isEqualTo(8 + 8 * 4);
        assertThat(count(DEMO_PRODUCTS)).isEqualTo(PRODUCTS);

        assertThat(demo.seed()).as("a second run").isFalse();
        assertThat(count(DEMO_PRODUCTS)).isEqualTo(PRODUCTS);

        assertThat(count("SELECT count(DISTINCT p.seller_id) " + FROM_DEMO)).isEqualTo(PRODUCTS / 50);
        assertThat(count("SELECT count(*) " + FROM_DEMO + " AND p.status = 'active'")).isGreaterThan(PRODUCTS * 8 / 10);
        assertThat(count("SELECT count(DISTINCT p.condition) " + FROM_DEMO)).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT p.starting_price) " + FROM_DEMO)).isGreaterThan(PRODUCTS / 2);

        UUID electronics = jdbc.sql("SELECT id FROM catalog.categories WHERE slug = 'demo-electronics'")
                .query(UUID.class).single();
        long listed = count("SELECT count(*) " + FROM_DEMO + " AND p.listed AND c.parent_id = '" + electronics + "'");
        Map<String, Object> page = http.get().uri("/api/v1/products?category_id={id}&page_size=100", electronics)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { }).getResponseBody();
        assertThat(((Map<?, ?>) page.get("pagination")).get("total")).isEqualTo((int) listed);
        List<Map<String, Object>> items = items(page);
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat((String) ((Map<?, ?>) item.get("category")).get("slug")).startsWith("demo-electronics-");
            assertThat((List<?>) item.get("images")).singleElement().asString()
                    .matches("https://picsum\\.photos/seed/[0-9]+/800/600");
        });

        Map<String, List<Map<String, Object>>> tree = http.get().uri("/api/v1/categories").exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() { })
                .getResponseBody();
        Map<String, Object> department = tree.get("data").stream()
                .filter(node -> "demo-electronics".equals(node.get("slug"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) department.get("children")).extracting(child -> child.get("name"))
                .containsExactly("Phones", "Cameras", "Audio", "Computers");
    }

    @Test
    void itLoadsOnlyWithTheDemoProfileAndNeverInProd() {
        assertThat(context.getBeanProvider(DemoCatalog.class).getIfAvailable()).as("in the test profile").isNull();
        Profiles loadsIn = Profiles.of(DemoCatalog.class.getAnnotation(Profile.class).value());
        assertThat(environment("demo").acceptsProfiles(loadsIn)).isTrue();
        assertThat(environment("demo", "prod").acceptsProfiles(loadsIn)).isFalse();
        assertThat(environment("prod").acceptsProfiles(loadsIn)).isFalse();
        assertThat(environment("test").acceptsProfiles(loadsIn)).isFalse();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("data");
    }
}
