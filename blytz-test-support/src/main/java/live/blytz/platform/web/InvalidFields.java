package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reads a 400 validation problem as {@code field → message}, in the order the server listed them. */
final class InvalidFields {

    private InvalidFields() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> of(RestTestClient.ResponseSpec response) {
        Map<String, Object> problem = response.expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(problem).containsEntry("type", "https://api.blytz.live/problems/validation-error");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map<String, Object> error : (List<Map<String, Object>>) problem.get("errors")) {
            assertThat(fields.put((String) error.get("field"), (String) error.get("message")))
                    .as("field %s named once", error.get("field")).isNull();
        }
        return fields;
    }
}
