package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import live.blytz.BlytzIntegrationTest;
import live.blytz.TestAccounts;
import live.blytz.TestAccounts.Account;
import live.blytz.sharedkernel.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One concurrency policy for every mutable resource (profiles, products, categories): every read and write carries
 * the version as a strong ETag; a change may state the version it is based on, as If-Match or body {@code version},
 * or not at all; stated twice they must agree (400); a stale one is a 409 that changes nothing.
 */
@BlytzIntegrationTest
class ConcurrencyPolicyHttpTests {

    private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ENVELOPE =
            new ParameterizedTypeReference<>() { };

    @Autowired
    RestTestClient http;

    /** A versioned resource: where it lives, who may change it, its envelope's name, and its n-th distinct change. */
    record Resource(String uri, Account editor, String name, IntFunction<Map<String, Object>> change) {
    }

    record Read(@Nullable String etag, long version) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void everyReadAndWriteCarriesTheVersionAsAStrongETag(String kind) {
        Resource resource = resource(kind);
        Read read = read(resource);
        assertThat(read.etag()).isEqualTo(tag(read.version()));

        Read written = write(resource, resource.change().apply(1), null, null, 200);
        assertThat(written.version()).isEqualTo(read.version() + 1);
        assertThat(written.etag()).isEqualTo(tag(written.version()));
        assertThat(read(resource).etag()).isEqualTo(written.etag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void theVersionIsOptionalAndAcceptedAsIfMatchBodyOrBothWhenCurrent(String kind) {
        Resource resource = resource(kind);
        long version = read(resource).version();
        version = write(resource, resource.change().apply(1), null, null, 200).version();        // none stated
        version = write(resource, resource.change().apply(2), tag(version), null, 200).version(); // If-Match
        version = write(resource, resource.change().apply(3), "W/" + tag(version), null, 200).version();
        version = write(resource, resource.change().apply(4), null, version, 200).version();      // body
        Read both = write(resource, resource.change().apply(5), tag(version), version, 200);     // both, agreeing
        assertThat(both.version()).isEqualTo(version + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void aStaleVersionIsA409ThatChangesNothing(String kind) {
        Resource resource = resource(kind);
        long stale = read(resource).version();
        write(resource, resource.change().apply(1), null, null, 200);
        Read current = read(resource);

        expect(resource, resource.change().apply(2), tag(stale), null).expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json");
        expect(resource, resource.change().apply(3), null, stale).expectStatus().isEqualTo(409);
        assertThat(read(resource).version()).isEqualTo(current.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void anIfMatchAndABodyVersionThatDisagreeAreA400(String kind) {
        Resource resource = resource(kind);
        Read current = read(resource);
        assertThat(InvalidFields.of(expect(resource, resource.change().apply(1), tag(current.version()),
                current.version() + 1))).containsOnlyKeys("version");
        assertThat(InvalidFields.of(expect(resource, resource.change().apply(1), tag(current.version() + 1),
                current.version()))).containsOnlyKeys("version");
        assertThat(read(resource).version()).isEqualTo(current.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void anIfMatchThatIsNotOneVersionTagIsA400(String kind) {
        Resource resource = resource(kind);
        long version = read(resource).version();
        for (String malformed : new String[] {String.valueOf(version), "*", tag(version) + ", " + tag(version + 1),
                "\"v" + version + "\""}) {
            assertThat(InvalidFields.of(expect(resource, resource.change().apply(1), malformed, null)))
                    .as(malformed).containsOnlyKeys("If-Match");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "product", "category"})
    void aReadWithIfNoneMatchStillGetsTheWholeCurrentResource(String kind) {
        // The version covers a resource's own fields only (not view counts, names or account facts shown beside
        // them), so the server never answers 304 on it.
        Resource resource = resource(kind);
        Read read = read(resource);
        EntityExchangeResult<Map<String, Map<String, Object>>> again = http.get().uri(resource.uri())
                .header(HttpHeaders.AUTHORIZATION, resource.editor().bearer())
                .header(HttpHeaders.IF_NONE_MATCH, read.etag())
                .exchange().expectStatus().isOk()
                .expectBody(ENVELOPE).returnResult();
        assertThat(again.getResponseHeaders().getETag()).isEqualTo(read.etag());
        assertThat(again.getResponseBody()).containsKey(resource.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"product", "category"})
    void aDeleteHonoursIfMatchToo(String kind) {
        Resource resource = resource(kind);
        long stale = read(resource).version();
        write(resource, resource.change().apply(1), null, null, 200);
        delete(resource, tag(stale)).expectStatus().isEqualTo(409);
        assertThat(InvalidFields.of(delete(resource, "*"))).containsOnlyKeys("If-Match");
        delete(resource, tag(stale + 1)).expectStatus().isNoContent();
    }

    @Test
    void creatingAndFeaturingAProductAnswerWithItsETag() {
        Resource product = resource("product");
        Account admin = new TestAccounts(http).admin();
        long version = read(product).version();
        EntityExchangeResult<Map<String, Map<String, Object>>> featured = http.put().uri(product.uri() + "/featured")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer()).header(HttpHeaders.IF_MATCH, tag(version))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("featured", true))
                .exchange().expectStatus().isOk().expectBody(ENVELOPE).returnResult();
        assertThat(featured.getResponseHeaders().getETag()).isEqualTo(tag(version + 1));
        http.put().uri(product.uri() + "/featured").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("featured", false, "version", version))
                .exchange().expectStatus().isEqualTo(409);
        http.put().uri(product.uri() + "/featured").header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header(HttpHeaders.IF_MATCH, tag(version + 1))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("featured", false, "version", version))
                .exchange().expectStatus().isBadRequest();
    }

    private Resource resource(String kind) {
        TestAccounts accounts = new TestAccounts(http);
        return switch (kind) {
            case "profile" -> new Resource("/api/v1/users/me", accounts.register(Role.BUYER), "user",
                    n -> Map.of("bio", "Bio number " + n));
            case "category" -> {
                Account admin = accounts.admin();
                String id = created(admin, "/api/v1/categories", Map.of("name", "Versioned " + UUID.randomUUID()),
                        "category");
                yield new Resource("/api/v1/categories/" + id, admin, "category",
                        n -> Map.of("name", "Versioned " + UUID.randomUUID() + " " + n));
            }
            case "product" -> {
                Account admin = accounts.admin();
                Account seller = accounts.register(Role.SELLER);
                String category = created(admin, "/api/v1/categories", Map.of("name", "For products " + UUID.randomUUID()),
                        "category");
                String id = created(seller, "/api/v1/products", Map.of("category_id", category, "title", "Versioned lamp",
                        "condition", "good", "starting_price", 10), "product");
                yield new Resource("/api/v1/products/" + id, seller, "product",
                        n -> Map.of("title", "Versioned lamp " + n));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Creates a resource, checks that the 201 carries its version-0 ETag, and answers its id. */
    private String created(Account account, String uri, Map<String, Object> body, String name) {
        EntityExchangeResult<Map<String, Map<String, Object>>> result = http.post().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, account.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().expectBody(ENVELOPE).returnResult();
        assertThat(result.getResponseHeaders().getETag()).isEqualTo(tag(0));
        return (String) result.getResponseBody().get(name).get("id");
    }

    private Read read(Resource resource) {
        return read(resource, http.get().uri(resource.uri()).header(HttpHeaders.AUTHORIZATION, resource.editor().bearer())
                .exchange().expectStatus().isOk().expectBody(ENVELOPE).returnResult());
    }

    private Read write(Resource resource, Map<String, Object> change, @Nullable String ifMatch, @Nullable Long version,
            int status) {
        return read(resource, expect(resource, change, ifMatch, version).expectStatus().isEqualTo(status)
                .expectBody(ENVELOPE).returnResult());
    }

    private RestTestClient.ResponseSpec expect(Resource resource, Map<String, Object> change, @Nullable String ifMatch,
            @Nullable Long version) {
        Map<String, Object> body = new HashMap<>(change);
        if (version != null) {
            body.put("version", version);
        }
        RestTestClient.RequestBodySpec request = http.patch().uri(resource.uri())
                .header(HttpHeaders.AUTHORIZATION, resource.editor().bearer())
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.body(body).exchange();
    }

    private RestTestClient.ResponseSpec delete(Resource resource, String ifMatch) {
        return http.delete().uri(resource.uri()).header(HttpHeaders.AUTHORIZATION, resource.editor().bearer())
                .header(HttpHeaders.IF_MATCH, ifMatch).exchange();
    }

    private static Read read(Resource resource, EntityExchangeResult<Map<String, Map<String, Object>>> result) {
        Map<String, Object> body = result.getResponseBody().get(resource.name());
        return new Read(result.getResponseHeaders().getETag(), ((Number) body.get("version")).longValue());
    }

    private static String tag(long version) {
        return "\"" + version + "\"";
    }
}
