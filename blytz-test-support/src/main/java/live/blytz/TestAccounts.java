package live.blytz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import live.blytz.sharedkernel.Role;
import live.blytz.sharedkernel.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Accounts for HTTP tests, made through the real endpoints: {@code register} creates a buyer, seller or admin
 * with a unique e-mail address and logs it in; {@code admin()} logs in the administrator of
 * {@code application-test.yaml}. Every call goes over HTTP, so the tokens are real.
 */
public final class TestAccounts {

    /** The administrator created at start-up from {@code application-test.yaml}. */
    public static final String ADMIN_EMAIL = "admin@blytz.test";
    public static final String ADMIN_PASSWORD = "test-only admin passphrase 7f3c";

    public record Account(UserId id, String email, String password, String accessToken, String refreshToken) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private final RestTestClient http;

    public TestAccounts(RestTestClient http) {
        this.http = http;
    }

    /** A new account with a random unique e-mail and password, logged in. */
    public Account register(Role role) {
        return register(role, null, null);
    }

    /**
     * A new account with the given names. An {@link Role#ADMIN admin} is registered as a buyer and promoted by the
     * configured administrator, then logged in again so that its token carries the role.
     */
    public Account register(Role role, @Nullable String firstName, @Nullable String lastName) {
        String email = "user-" + UUID.randomUUID() + "@blytz.test";
        String password = "pw " + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("role", role == Role.ADMIN ? Role.BUYER.code() : role.code());
        if (firstName != null) {
            body.put("first_name", firstName);
        }
        if (lastName != null) {
            body.put("last_name", lastName);
        }
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isCreated();
        Account account = login(email, password);
        if (role != Role.ADMIN) {
            return account;
        }
        http.put().uri("/api/v1/auth/accounts/{id}/role", account.id().value())
                .header("Authorization", admin().bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("role", Role.ADMIN.code()))
                .exchange()
                .expectStatus().isOk();
        return login(email, password);
    }

    public Account admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public Account login(String email, String password) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tokens = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Map.class)
                .getResponseBody();
        Objects.requireNonNull(tokens, "login answered without a body");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) tokens.get("user");
        return new Account(UserId.of((String) user.get("id")), email, password,
                (String) tokens.get("access_token"), (String) tokens.get("refresh_token"));
    }
}
