package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Typed query parameters (and path variables) follow one strict rule: a number is written like a JSON number, a
 * boolean is true or false, a UUID is in its canonical form, an enum code is exact, and a parameter is given once.
 * Anything else is a 400 naming every refused parameter, never a guess.
 */
@BlytzIntegrationTest
class StrictQueryParameterHttpTests {

    @Autowired
    RestTestClient http;

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "#10", " 7", "7 ", "+7", "010", "1e1", "7.0", "", "seven", "99999999999"})
    void pageNumbersAreDecimalIntegersWrittenPlainly(String value) {
        assertThat(InvalidFields.of(get("/api/v1/products?page={v}", value))).containsOnlyKeys("page");
        assertThat(InvalidFields.of(get("/api/v1/products?page_size={v}", value))).containsOnlyKeys("page_size");
        get("/api/v1/products?page=2&page_size=10").expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", "1", "TRUE", "True", " true", ""})
    void aBooleanIsTrueOrFalse(String value) {
        assertThat(InvalidFields.of(get("/api/v1/products?featured={v}", value)))
                .containsExactly(Map.entry("featured", "must be true or false"));
        get("/api/v1/products?featured=false").expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GOOD", "Good", " good", "good ", ""})
    void anEnumParameterIsItsExactCode(String value) {
        assertThat(InvalidFields.of(get("/api/v1/products?condition={v}", value)))
                .containsExactly(Map.entry("condition", "must be one of [new, like_new, good, fair, poor]"));
        get("/api/v1/products?condition=like_new").expectStatus().isOk();
    }

    @Test
    void enumParametersOfEveryModuleFollowTheSameRule() {
        TestAccounts accounts = new TestAccounts(http);
        Account admin = accounts.admin();
        Account seller = accounts.register(Role.SELLER);
        for (String role : new String[] {"ADMIN", "Admin", " admin", "admin "}) {
            assertThat(InvalidFields.of(get(admin, "/api/v1/admin/users?role={v}", role)))
                    .containsExactly(Map.entry("role", "must be one of [buyer, seller, admin]"));
        }
        assertThat(InvalidFields.of(get(admin, "/api/v1/admin/users?status={v}", "Active")))
                .containsExactly(Map.entry("status", "must be one of [active, suspended]"));
        get(admin, "/api/v1/admin/users?role=admin&status=active").expectStatus().isOk();
        assertThat(InvalidFields.of(get(seller, "/api/v1/products/mine?status={v}", "DRAFT")))
                .containsExactly(Map.entry("status", "must be one of [draft, active, sold, archived]"));
        get(seller, "/api/v1/products/mine?status=draft").expectStatus().isOk();
        assertThat(InvalidFields.of(get(seller, "/api/v1/auth/sessions?page={v}", "0x1"))).containsOnlyKeys("page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1", " 10", "0x10", "10.", ".5", "+10", "ten"})
    void aPriceFilterIsAPlainDecimal(String value) {
        assertThat(InvalidFields.of(get("/api/v1/products?min_price={v}", value))).containsOnlyKeys("min_price");
        get("/api/v1/products?min_price=10&max_price=12.50").expectStatus().isOk();
    }

    @Test
    void aUuidIsCanonical() {
        assertThat(InvalidFields.of(get("/api/v1/products?seller_id={v}", "1-1-1-1-1")))
                .containsOnlyKeys("seller_id");
        assertThat(InvalidFields.of(get("/api/v1/products?category_id={v}", " 0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e")))
                .containsOnlyKeys("category_id");
        assertThat(InvalidFields.of(get("/api/v1/users/{id}", "1-1-1-1-1"))).containsOnlyKeys("id");
        get("/api/v1/products?seller_id=0193a1f2-7c9e-7b1a-9d3e-5f0c2a4b6d8e").expectStatus().isOk();
    }

    @Test
    void aParameterGivenTwiceIsRefusedNotTruncated() {
        assertThat(InvalidFields.of(get("/api/v1/products?page={a}&page={b}", "1", "2")))
                .containsExactly(Map.entry("page", "must be given once"));
        assertThat(InvalidFields.of(get("/api/v1/products?condition={a}&condition={b}", "good", "new")))
                .containsExactly(Map.entry("condition", "must be given once"));
    }

    @Test
    void everyRefusedParameterIsNamedAtOnce() {
        assertThat(InvalidFields.of(get("/api/v1/products?page={p}&page_size={s}&featured={f}&condition={c}&seller_id={u}",
                "x", "0x10", "yes", "GOOD", "1-1-1-1-1")))
                .containsOnlyKeys("page", "page_size", "featured", "condition", "seller_id");
    }

    @Test
    void aParameterTheOperationDoesNotHaveIsRefusedNotIgnored() {
        assertThat(InvalidFields.of(get("/api/v1/products?include_inactive={a}&pagesize={b}&page={c}", "true", "5", "1")))
                .containsExactly(Map.entry("include_inactive", "is not a parameter of this operation"),
                        Map.entry("pagesize", "is not a parameter of this operation"));
        get("/api/v1/products?page={p}", "1").expectStatus().isOk();
        get("/api/v1/categories?sort={s}", "name").expectStatus().isBadRequest();
    }

    private RestTestClient.ResponseSpec get(String uri, Object... values) {
        return http.get().uri(uri, values).exchange();
    }

    private RestTestClient.ResponseSpec get(Account account, String uri, Object... values) {
        return http.get().uri(uri, values).header(HttpHeaders.AUTHORIZATION, account.bearer()).exchange();
    }
}
