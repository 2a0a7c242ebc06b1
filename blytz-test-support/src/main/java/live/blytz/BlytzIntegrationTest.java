package live.blytz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Maven module's test application (the whole application in blytz-app, the platform alone in blytz-platform,
 * found in {@code live.blytz} by walking up the test's packages) on a real Tomcat (random port) against the real
 * PostgreSQL and Redis, driven over HTTP through the real filter chain. Every class with this annotation shares one
 * Spring context: add no other context-changing annotation (properties, mocks) to a test class, or it pays for a new
 * context.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
public @interface BlytzIntegrationTest {
}
