package live.blytz.platform.validation;

import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code @Size} counts text as the published JSON Schema does (code points), and containers by their elements. */
@BlytzIntegrationTest
class CodePointSizeTests {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 code units

    @Autowired
    RestTestClient http;

    @Test
    void aTextAtItsLimitInCodePointsIsAccepted() {
        post("{\"label\": \"" + EMOJI.repeat(5) + "\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.label").isEqualTo(EMOJI.repeat(5));
    }

    @Test
    void aTextOneCodePointOverItsLimitIsRefusedNamingTheField() {
        post("{\"label\": \"" + EMOJI.repeat(6) + "\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("label")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 5");
    }

    @Test
    void aListIsStillSizedByItsElements() {
        post("{\"aliases\": [\"a\", \"b\"]}").expectStatus().isOk();
        post("{\"aliases\": [\"a\", \"b\", \"c\"]}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("aliases")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 2");
    }

    private RestTestClient.ResponseSpec post(String json) {
        return http.post().uri("/test/probe/open/tags").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }
}
