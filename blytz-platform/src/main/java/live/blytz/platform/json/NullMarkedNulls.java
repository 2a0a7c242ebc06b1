package live.blytz.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.reflect.AnnotatedType;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * JSON {@code null} only where the code says a value may be null. In {@code @NullMarked} code, a property set
 * through a setter (or field) whose type is not {@code @Nullable} refuses {@code null} (Jackson's
 * {@link Nulls#FAIL}, a 400 naming the field). These are the fields of partial updates, where a null would
 * otherwise read as "not sent" and be dropped silently; a field that null clears says so with {@code @Nullable} on
 * its setter (and the API documents it). Properties bound through a constructor (records: create bodies) are left to
 * Bean Validation's {@code @NotNull}, which treats null like a missing value and reports it together with every other
 * failing field. An explicit {@code @JsonSetter(nulls = ...)} wins over this rule.
 */
final class NullMarkedNulls extends NopAnnotationIntrospector {

    @Override
    public JsonSetter.Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
        if (annotated instanceof AnnotatedMember member) {
            AnnotatedType type = settableType(member);
            if (type != null && !type.isAnnotationPresent(Nullable.class) && nullMarked(member.getDeclaringClass())) {
                return JsonSetter.Value.forValueNulls(Nulls.FAIL);
            }
        }
        return JsonSetter.Value.empty();
    }

    private static @Nullable AnnotatedType settableType(AnnotatedMember member) {
        if (member instanceof AnnotatedMethod setter && setter.getParameterCount() == 1) {
            return setter.getAnnotated().getAnnotatedParameterTypes()[0];
        }
        if (member instanceof AnnotatedField field) {
            return field.getAnnotated().getAnnotatedType();
        }
        return null;
    }

    /** JSpecify's scope rule: the nearest {@code @NullMarked}/{@code @NullUnmarked} of the class or its package. */
    private static boolean nullMarked(Class<?> declaring) {
        for (Class<?> type = declaring; type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(NullUnmarked.class)) {
                return false;
            }
            if (type.isAnnotationPresent(NullMarked.class)) {
                return true;
            }
        }
        Package pkg = declaring.getPackage();
        return pkg != null && pkg.isAnnotationPresent(NullMarked.class);
    }
}
