package live.blytz.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import live.blytz.BlytzIntegrationTest;
import live.blytz.auth.events.AccountReactivated;
import live.blytz.auth.events.AccountSuspended;
import live.blytz.auth.events.UserRegistered;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import live.blytz.users.internal.directory.UserDirectoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /users/{id}}: anyone may see a person's public face, and nothing private. */
@BlytzIntegrationTest
class PublicProfileHttpTests {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDirectoryService directory;

    @Test
    void anyoneSeesThePublicProfileAndNothingPrivate() {
        UserId id = registerSeller();

        Map<String, Object> user = http.get().uri("/api/v1/users/{id}", id.value())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get("user");

        assertThat(user).containsOnlyKeys("id", "display_name", "avatar_url", "bio", "role", "created_at");
        assertThat(user).containsEntry("id", id.toString())
                .containsEntry("display_name", "Sam S.")
                .containsEntry("role", "seller");
    }

    @Test
    void aSuspendedPersonsProfileIsNotFoundUntilReactivated() {
        UserId id = registerSeller();
        publish(new AccountSuspended(id, 2, Instant.now()));
        await().until(() -> directory.visible(id).isEmpty());

        http.get().uri("/api/v1/users/{id}", id.value())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(404);

        publish(new AccountReactivated(id, 3, Instant.now()));
        await().until(() -> directory.visible(id).isPresent());
        http.get().uri("/api/v1/users/{id}", id.value()).exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownIdIsNotFoundAndAMalformedOneIsABadRequest() {
        http.get().uri("/api/v1/users/{id}", UserId.newId().value())
                .exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/users/not-a-uuid")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void theOwnProfileAndTheAdminListNeedAToken() {
        http.get().uri("/api/v1/users/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
        http.patch().uri("/api/v1/users/me").header("Content-Type", "application/json").body("{\"bio\":\"x\",\"version\":0}")
                .exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/admin/users").exchange().expectStatus().isUnauthorized();
    }

    private UserId registerSeller() {
        UserId id = UserId.newId();
        publish(new UserRegistered(id, 1, Instant.now(), "sam-" + id + "@example.com", Role.SELLER, "Sam", "Seller",
                "+14155550132"));
        await().until(() -> directory.visible(id).isPresent());
        return id;
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
