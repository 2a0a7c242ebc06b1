package live.blytz.auth.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;

/**
 * Which of the assembled application's profiles ({@code application-demo.yaml}, here) let {@link AccountMailer} write a
 * mail's text to the log ({@code blytz.auth.mail.log-to-console}).
 */
class AccountMailerProfileTests {

    @Test
    void onlyTheDemoProfileOptsIn() {
        ApplicationContextRunner configuration = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer());
        // No profile set: the demo profile is the default (a newcomer's first run).
        configuration.run(context -> assertThat(logsToConsole(context.getEnvironment())).isTrue());
        for (String profiles : new String[] {"demo", "test", "prod"}) {
            configuration.withPropertyValues("spring.profiles.active=" + profiles).run(context ->
                    assertThat(logsToConsole(context.getEnvironment())).as(profiles).isEqualTo(profiles.equals("demo")));
        }
    }

    private static boolean logsToConsole(Environment environment) {
        return environment.getProperty("blytz.auth.mail.log-to-console", Boolean.class, false);
    }
}
