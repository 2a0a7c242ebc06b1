package live.blytz.sharedkernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event that other processes may receive: with a broker configured it leaves the JVM (ADR 0032) under its
 * {@link #name()} (the routing key and the message's {@code type}) and {@link #version()} (the schema version of its
 * JSON, in {@code docs/asyncapi.yaml}). Adding an optional field keeps the version; any change a reader of the current
 * version could not handle (a field removed, renamed, retyped or made required) is a new version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IntegrationEvent {

    /** {@code <module>.<event-in-kebab-case>}, e.g. {@code auth.user-registered}; never reused for another event. */
    String name();

    int version();
}
