package live.blytz.platform.config;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * In {@code prod}, refuses to start while a required setting is missing or still holds a placeholder, so that a
 * forgotten secret is a failed deploy rather than a weak production. Modules add their own required settings
 * through {@code blytz.prod.required-settings}.
 */
@Component
@Profile("prod")
class ProductionSettingsCheck implements InitializingBean {

    // The cursor keys: every instance must accept the cursors the others issue (ADR 0017).
    private static final List<String> ALWAYS_REQUIRED = List.of("spring.datasource.url", "blytz.redis.url",
            "blytz.paging.cursor-keys");
    private static final List<String> PLACEHOLDERS = List.of("changeme", "change-me", "secret", "password", "default",
            "example");

    private final Environment environment;

    ProductionSettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String[] moduleRequired = environment.getProperty("blytz.prod.required-settings", String[].class, new String[0]);
        List<String> problems = Stream.concat(ALWAYS_REQUIRED.stream(), Stream.of(moduleRequired))
                .filter(key -> !acceptable(environment.getProperty(key)))
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile needs real values for " + problems
                    + " (set them in the environment; see .env.example)");
        }
    }

    static boolean acceptable(String value) {
        if (!StringUtils.hasText(value)) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.stream().noneMatch(lower::equals);
    }
}
