package live.blytz.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The defaults bind without any configuration (the test profile overrides most of them, production does not). */
class AuthPropertiesTests {

    @Test
    void everySettingHasADefault() {
        AuthProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("blytz.auth", AuthProperties.class);
        assertThat(properties.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.password().bcryptCost()).isEqualTo(12);
        assertThat(properties.password().pepper()).isNull();
        assertThat(properties.sessions().maxPerAccount()).isEqualTo(20);
        assertThat(properties.mail().cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.deviceTokens().lifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(properties.throttle().device().freeFailures()).isEqualTo(5);
        assertThat(properties.purge().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.password().minLength()).isEqualTo(8);
        assertThat(properties.password().maxLength()).isEqualTo(128);
        assertThat(properties.throttle().account().freeFailures()).isEqualTo(5);
        assertThat(properties.throttle().account().maxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.throttle().ip().freeFailures()).isEqualTo(30);
        assertThat(properties.sessions().idleTimeout()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.mail().tokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.signingKey()).isNull();
    }

    @Test
    void settingsBindFromConfiguration() {
        AuthProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "blytz.auth.password.bcrypt-cost", "10",
                "blytz.auth.throttle.ip.free-failures", "7")))
                .bindOrCreate("blytz.auth", AuthProperties.class);
        assertThat(properties.password().bcryptCost()).isEqualTo(10);
        assertThat(properties.throttle().ip().freeFailures()).isEqualTo(7);
        assertThat(properties.throttle().ip().window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aBcryptCostBelowTenIsRefusedWhateverTheProfile() {
        for (String profile : new String[] {"default", "test", "prod"}) {
            validated().withPropertyValues("spring.profiles.active=" + profile, "blytz.auth.password.bcrypt-cost=9")
                    .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("bcryptCost"));
        }
        validated().withPropertyValues("blytz.auth.password.bcrypt-cost=10")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aConfiguredPepperOrDeviceTokenKeyNeedsThirtyTwoCharacters() {
        validated().withPropertyValues("blytz.auth.password.pepper=too short")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("pepper"));
        validated().withPropertyValues("blytz.auth.device-tokens.key=too short")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("key"));
        validated().withPropertyValues("blytz.auth.password.pepper=", "blytz.auth.device-tokens.key=",
                        "blytz.auth.password.bcrypt-cost=10")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class Bound {
    }

    private static ApplicationContextRunner validated() {
        return new ApplicationContextRunner().withUserConfiguration(Bound.class);
    }
}
