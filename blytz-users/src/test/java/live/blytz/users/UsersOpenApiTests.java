package live.blytz.users;

import live.blytz.BlytzIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The users endpoints are in the OpenAPI description with their specific errors and request schema. */
@BlytzIntegrationTest
class UsersOpenApiTests {

    @Autowired
    RestTestClient http;

    @Test
    void documentsEveryUsersEndpointWithItsErrors() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/users/me'].get.responses['401']").exists()
                .jsonPath("$.paths['/api/v1/users/me'].patch.responses['400']").exists()
                .jsonPath("$.paths['/api/v1/users/me'].patch.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/users/me'].patch.security[0].bearer").exists()
                .jsonPath("$.paths['/api/v1/users/{id}'].get.responses['404']").exists()
                .jsonPath("$.paths['/api/v1/users/{id}'].get.security").isEmpty()
                .jsonPath("$.paths['/api/v1/admin/users'].get.responses['403']").exists()
                .jsonPath("$.paths['/api/v1/admin/users'].get.parameters[?(@.name == 'page_size')].schema.type").isEqualTo("integer")
                .jsonPath("$.components.schemas.UpdateProfileRequest.properties.first_name.maxLength").isEqualTo(50)
                .jsonPath("$.components.schemas.UpdateProfileRequest.properties.email").doesNotExist()
                .jsonPath("$.components.schemas.PublicUser.properties.email").doesNotExist()
                .jsonPath("$.components.schemas.PublicUser.properties.phone").doesNotExist();
    }
}
