package live.blytz.platform.events;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import live.blytz.sharedkernel.IntegrationEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The {@link IntegrationEvent} types on the classpath, by name: the only types a message from the broker may be read
 * as (never a class the message names), and the names and versions the messages sent carry.
 */
final class IntegrationEvents {

    private final Map<String, Class<?>> byName = new HashMap<>();

    private IntegrationEvents(Collection<Class<?>> types) {
        for (Class<?> type : types) {
            if (!annotation(type).name().matches("[a-z]+\\.[a-z0-9-]+")) {
                throw new IllegalStateException(type.getName() + ": an integration event's name is <module>.<event>");
            }
            Class<?> other = byName.put(annotation(type).name(), type);
            if (other != null) {
                throw new IllegalStateException("Two integration events named " + annotation(type).name() + ": "
                        + other.getName() + " and " + type.getName());
            }
        }
    }

    static IntegrationEvents scan(Collection<String> packages) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(IntegrationEvent.class));
        return new IntegrationEvents(packages.stream()
                .flatMap(base -> scanner.findCandidateComponents(base).stream())
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(String.valueOf(definition.getBeanClassName()),
                        IntegrationEvents.class.getClassLoader()))
                .distinct()
                .toList());
    }

    static boolean isIntegrationEvent(Object event) {
        return event.getClass().isAnnotationPresent(IntegrationEvent.class);
    }

    static IntegrationEvent annotation(Class<?> type) {
        IntegrationEvent annotation = type.getAnnotation(IntegrationEvent.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not an @IntegrationEvent");
        }
        return annotation;
    }

    /** The module an event name belongs to: {@code auth} for {@code auth.user-registered}. */
    static String module(String name) {
        return name.substring(0, name.indexOf('.'));
    }

    Optional<Class<?>> type(@Nullable String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }
}
