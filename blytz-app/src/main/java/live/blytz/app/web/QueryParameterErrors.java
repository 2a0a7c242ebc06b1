package live.blytz.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import live.blytz.sharedkernel.error.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Spring converts a handler's parameters one by one and stops at the first that fails; when one query parameter
 * is refused, this converts the handler's other query parameters the same way, so that the 400 names them all.
 */
final class QueryParameterErrors {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private QueryParameterErrors() {
    }

    static List<FieldError> of(Method handler, HttpServletRequest request, ConversionService conversions) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < handler.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(handler, i);
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            String name = annotation == null ? null : name(annotation, parameter);
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null) {
                try {
                    conversions.convert(values.length == 1 ? values[0] : values,
                            TypeDescriptor.valueOf(values.length == 1 ? String.class : String[].class),
                            new TypeDescriptor(parameter));
                } catch (ConversionException e) {
                    errors.add(new FieldError(name, messageOf(e)));
                }
            }
        }
        return errors;
    }

    /** The client-facing reason of a failed conversion. */
    static String messageOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryValueException value) {
                return value.getMessage();
            }
        }
        return "has the wrong type or format";
    }

    private static @Nullable String name(RequestParam annotation, MethodParameter parameter) {
        return !annotation.name().isEmpty() ? annotation.name()
                : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
    }
}
