package live.blytz.auth.internal.password;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import live.blytz.auth.internal.AuthProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The password policy's length limits are configuration ({@code blytz.auth.password.*}), so the OpenAPI document
 * takes them from the same properties the policy enforces, not from numbers written into annotations.
 */
@Configuration(proxyBeanMethods = false)
class PasswordLengthsInApiDocs {

    /** The request schemas that carry a new password, and the property that holds it. */
    private static final Map<String, String> NEW_PASSWORDS = Map.of(
            "RegisterRequest", "password",
            "ChangePasswordRequest", "new_password",
            "PasswordResetConfirmRequest", "new_password");

    @Bean
    OpenApiCustomizer passwordLengths(AuthProperties properties) {
        return openApi -> NEW_PASSWORDS.forEach((schemaName, propertyName) -> {
            Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
            Schema<?> password = schema == null || schema.getProperties() == null ? null
                    : schema.getProperties().get(propertyName);
            if (password != null) {
                password.setMinLength(properties.password().minLength());
                password.setMaxLength(properties.password().maxLength());
            }
        });
    }
}
