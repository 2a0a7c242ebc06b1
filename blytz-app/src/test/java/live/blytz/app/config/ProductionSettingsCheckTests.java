package live.blytz.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProductionSettingsCheckTests {

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSettingsCheck.class)
            .withPropertyValues("spring.profiles.active=prod");

    @Test
    void refusesToStartWithoutTheRequiredSettings() {
        prod.withPropertyValues("spring.datasource.url=", "blytz.redis.url=").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("spring.datasource.url").hasMessageContaining("blytz.redis.url")
                .hasMessageContaining("blytz.paging.cursor-keys"));
    }

    @Test
    void refusesPlaceholdersAndModuleSecrets() {
        prod.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/blytz", "blytz.redis.url=redis://r:6379",
                        "blytz.paging.cursor-keys=3Gj12QjJgbtVe5mPAWyIKPzYiCPE6sp5Mg9f/4tbDUY=",
                        "blytz.prod.required-settings=blytz.auth.signing-key", "blytz.auth.signing-key=changeme")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("blytz.auth.signing-key"));
    }

    @Test
    void startsWithRealValues() {
        prod.withPropertyValues("spring.datasource.url=jdbc:postgresql://db/blytz", "blytz.redis.url=redis://r:6379",
                        "blytz.paging.cursor-keys=3Gj12QjJgbtVe5mPAWyIKPzYiCPE6sp5Mg9f/4tbDUY=")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theProdConfigurationNeedsAnSmtpServerForResetMails() {
        // application.yaml and application-prod.yaml as they ship, every other required setting given.
        ApplicationContextRunner shipped = prod.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db/blytz", "blytz.redis.url=redis://r:6379",
                        "blytz.paging.cursor-keys=3Gj12QjJgbtVe5mPAWyIKPzYiCPE6sp5Mg9f/4tbDUY=",
                        "blytz.auth.signing-key=a real key", "blytz.auth.password.pepper=a real pepper",
                        "blytz.auth.device-tokens.key=a real device-token key");
        shipped.withPropertyValues("spring.mail.host=").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("spring.mail.host"));
        shipped.withPropertyValues("spring.mail.host=smtp.example.net")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void isInactiveOutsideProd() {
        new ApplicationContextRunner().withUserConfiguration(ProductionSettingsCheck.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionSettingsCheck.class));
    }
}
