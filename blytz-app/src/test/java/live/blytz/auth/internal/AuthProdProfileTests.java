package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Auth's settings that the assembled application's prod profile ({@code application-prod.yaml}, here) requires. */
class AuthProdProfileTests {

    @Test
    void theProdProfileRequiresTheSigningKeyPepperAndDeviceTokenKey() throws Exception {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("prod", new org.springframework.core.io.ClassPathResource("application-prod.yaml"));
        String required = String.valueOf(sources.getFirst().getProperty("blytz.prod.required-settings"));
        assertThat(required.split(",")).contains("blytz.auth.signing-key", "blytz.auth.password.pepper",
                "blytz.auth.device-tokens.key");
    }

    @Test
    void theProdProfileRequiresAnSmtpServerSoThatResetMailsGoOut() throws Exception {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("prod", new org.springframework.core.io.ClassPathResource("application-prod.yaml"));
        String required = String.valueOf(sources.getFirst().getProperty("blytz.prod.required-settings"));
        assertThat(required.split(",")).contains("spring.mail.host");
    }
}
