package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The fast path reads exactly what Spring Security's resolver reads, and leaves everything else to it. */
class PublicRouteBearerTokensTests {

    private final BearerTokenResolver resolver = new PublicRouteBearerTokens().bearerTokenResolver();
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-123_~+/xyz", "bearer abc", "BEARER a.b.c==", "Bearer a="})
    void readsAWellFormedHeaderAsTheStandardResolverDoes(String header) {
        assertThat(PublicRouteBearerTokens.wellFormedToken(header)).isNotNull();
        assertThat(resolver.resolve(get(header))).isEqualTo(standard.resolve(get(header)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer ==", "Bearer a=b", "Bearer a b", "Bearer a\u00e9", "Bearer  abc",
            "Bearer abc ", "Bearerabc"})
    void leavesAMalformedHeaderToTheStandardResolverAndItsError(String header) {
        assertThat(PublicRouteBearerTokens.wellFormedToken(header)).isNull();
        assertThatThrownBy(() -> resolver.resolve(get(header))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc"})
    void readsNoTokenFromAnotherScheme(String header) {
        assertThat(PublicRouteBearerTokens.wellFormedToken(header)).isNull();
        assertThat(resolver.resolve(get(header))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/login", "/api/v1/auth/refresh"})
    void ignoresTheHeaderOnPublicAuthPosts(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader("Authorization", "Bearer expired.token.here");
        assertThat(resolver.resolve(request)).isNull();
    }

    private static MockHttpServletRequest get(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/users/me");
        request.addHeader("Authorization", header);
        return request;
    }
}
