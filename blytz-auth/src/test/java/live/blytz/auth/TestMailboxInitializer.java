package live.blytz.auth;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the test SMTP server (once per JVM) before any test context and points {@code spring.mail.port} at it.
 * The port is chosen by the operating system, not fixed: test JVMs of several worktrees run on one machine at
 * once. Registered in {@code META-INF/spring.factories} of the test resources, so every context gets the same
 * property and the shared context stays shared.
 */
public class TestMailboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = TestMailbox.start();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("testMailbox", Map.of("spring.mail.port", port)));
    }
}
