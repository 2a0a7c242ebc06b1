package live.blytz.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Ids;
import live.blytz.sharedkernel.Role;
import live.blytz.users.internal.directory.UserDirectoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code GET /admin/users}: only admins, with filters, paging and sorting; and suspended users disappear. */
@BlytzIntegrationTest
class AdminUsersHttpTests {

    @Autowired
    RestTestClient http;

    TestAccounts accounts;

    @Autowired
    UserDirectoryService directory;

    Account admin;

    @BeforeEach
    void admin() {
        accounts = new TestAccounts(http);
        admin = accounts.admin();
    }

    @Test
    void onlyAdminsListUsers() {
        for (Role role : List.of(Role.BUYER, Role.SELLER)) {
            http.get().uri("/api/v1/admin/users").header(HttpHeaders.AUTHORIZATION, accounts.register(role).bearer())
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType("application/problem+json");
        }
        http.get().uri("/api/v1/admin/users").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data").isArray()
                .jsonPath("$.pagination.page").isEqualTo(1)
                .jsonPath("$.pagination.page_size").isEqualTo(20);
    }

    @Test
    void filtersByTextRoleAndStatusAndPagesInOrder() {
        String family = "Fam" + Ids.newId().toString().substring(24);
        Account first = named(accounts.register(Role.SELLER), "Anna", family);
        Account second = named(accounts.register(Role.BUYER), "Bert", family);
        Account third = named(accounts.register(Role.SELLER), "Cleo", family);

        assertThat(ids(list("q={q}&sort=created_at", family))).containsExactly(ids(first, second, third));
        assertThat(ids(list("q={q}&sort=-created_at", family.toLowerCase()))).containsExactly(ids(third, second, first));
        assertThat(ids(list("q={q}&role=seller&sort=created_at", family))).containsExactly(ids(first, third));
        assertThat(ids(list("q={q}", first.email()))).containsExactly(ids(first));

        Map<String, Object> page2 = list("q={q}&sort=created_at&page=2&page_size=2", family);
        assertThat(ids(page2)).containsExactly(ids(third));
        assertThat(page2.get("pagination")).isEqualTo(Map.of("page", 2, "page_size", 2, "total", 3, "total_pages", 2));

        suspend(second);
        assertThat(ids(list("q={q}&status=suspended", family))).containsExactly(ids(second));
        assertThat(ids(list("q={q}&status=active&sort=created_at", family))).containsExactly(ids(first, third));
        http.get().uri("/api/v1/users/{id}", second.id().toString()).exchange().expectStatus().isNotFound();
    }

    @Test
    void listItemsAreFullUsers() {
        Account account = accounts.register(Role.BUYER);
        await().until(() -> !data(list("q={q}", account.email())).isEmpty());
        assertThat(data(list("q={q}", account.email())).getFirst())
                .containsEntry("email", account.email())
                .containsKeys("phone", "status", "email_verified", "last_login_at", "version");
    }

    @Test
    void aPromotionByAuthReachesTheUsersRecord() {
        // TestAccounts registers a buyer, has the administrator promote it, and logs it in again.
        Account promoted = accounts.register(Role.ADMIN);
        await().untilAsserted(() -> assertThat(me(promoted)).containsEntry("role", "admin"));
        http.get().uri("/api/v1/admin/users").header(HttpHeaders.AUTHORIZATION, promoted.bearer())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void badFiltersAreRefusedByName() {
        for (String[] bad : new String[][] {{"page=0", "page"}, {"page_size=101", "page_size"}, {"sort=password", "sort"},
                {"role=king", "role"}, {"status=deleted", "status"}, {"q=" + "x".repeat(101), "q"}}) {
            http.get().uri("/api/v1/admin/users?" + bad[0]).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[1]);
        }
    }

    private Account named(Account account, String firstName, String lastName) {
        long version = ((Number) me(account).get("version")).longValue();
        http.patch().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("first_name", firstName, "last_name", lastName, "version", version))
                .exchange()
                .expectStatus().isOk();
        // The admin list shows people whose registration users has processed (their e-mail is known).
        await().until(() -> me(account).get("email") != null);
        return account;
    }

    private void suspend(Account account) {
        http.post().uri("/api/v1/auth/accounts/{id}/suspend", account.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus().isNoContent();
        await().until(() -> directory.visible(account.id()).isEmpty());
    }

    private Map<String, Object> me(Account account) {
        return http.get().uri("/api/v1/users/me").header(HttpHeaders.AUTHORIZATION, account.bearer())
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get("user");
    }

    private Map<String, Object> list(String query, Object... values) {
        return http.get().uri("/api/v1/admin/users?" + query, values).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("data");
    }

    private static List<String> ids(Map<String, Object> list) {
        return data(list).stream().map(user -> (String) user.get("id")).toList();
    }

    private static String[] ids(Account... accounts) {
        return Arrays.stream(accounts).map(account -> account.id().toString()).toArray(String[]::new);
    }
}
