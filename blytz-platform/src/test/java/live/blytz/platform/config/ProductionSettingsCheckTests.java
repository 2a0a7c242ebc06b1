package live.blytz.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
    void isInactiveOutsideProd() {
        new ApplicationContextRunner().withUserConfiguration(ProductionSettingsCheck.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProductionSettingsCheck.class));
    }
}
