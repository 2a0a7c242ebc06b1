package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Auth's settings that the assembled application's prod profile ({@code application-prod.yaml}, here) requires where
 * auth runs, and that the marketplace of the split topology, which has no auth secret, does not (ADR 0033).
 */
class AuthProdProfileTests {

    @Test
    void theProdProfileRequiresTheSigningKeyPepperAndDeviceTokenKey() throws IOException {
        assertThat(requiredSettings("application-prod.yaml")).contains("blytz.auth.signing-key",
                "blytz.auth.password.pepper", "blytz.auth.device-tokens.key");
    }

    @Test
    void theProdProfileRequiresAnSmtpServerSoThatResetMailsGoOut() throws IOException {
        assertThat(requiredSettings("application-prod.yaml")).contains("spring.mail.host");
    }

    @Test
    void theMarketplaceRequiresAuthsJwkSetInsteadOfAuthsSecrets() throws IOException {
        assertThat(requiredSettings("application-prod.yaml", "application-marketplace.yaml"))
                .containsExactly("blytz.auth.jwk-set-uri");
    }

    /** The prod check's list with these profile files active (the first is the lowest precedence). */
    private static String[] requiredSettings(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : files) {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return environment.getProperty("blytz.prod.required-settings", String[].class, new String[0]);
    }
}
