package live.blytz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import live.blytz.sharedkernel.error.Echo;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Holds every query parameter and path variable of a request to {@link StrictQueryConversion} before Spring binds
 * them, and refuses the request with one 400 that names each value that fails, and each query parameter the
 * operation does not have (a mistyped filter must not be silently ignored, as an unknown JSON field is not).
 * Needed because Spring's binder,
 * when a conversion fails, falls back to its lenient property editors ({@code 0x10} as 16, {@code yes} as true,
 * {@code GOOD} as {@code good}); checked here first, only values the strict rule accepts ever reach it.
 */
final class StrictParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);
    private static final TypeDescriptor TEXTS = TypeDescriptor.valueOf(String[].class);

    private final ConversionService conversions;
    private final Map<Method, List<Bound>> boundByHandler = new ConcurrentHashMap<>();

    StrictParameters(ConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<FieldError> errors = new ArrayList<>();
        List<Bound> boundParameters = boundByHandler.computeIfAbsent(method.getMethod(), StrictParameters::bound);
        if (isOurs(method) && !isForm(request)) {
            request.getParameterMap().keySet().stream()
                    .filter(name -> boundParameters.stream().noneMatch(bound -> !bound.inPath() && bound.name().equals(name)))
                    .sorted()
                    .forEach(name -> errors.add(new FieldError(Echo.of(name), "is not a parameter of this operation")));
        }
        for (Bound bound : boundParameters) {
            String[] values = bound.values(request);
            if (values == null) {
                continue;
            }
            try {
                conversions.convert(values.length == 1 ? values[0] : values, values.length == 1 ? TEXT : TEXTS,
                        bound.type());
            } catch (ConversionException e) {
                errors.add(new FieldError(bound.name(), messageOf(e)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return true;
    }

    /** The API's own operations; framework endpoints (actuator, API docs) keep their own parameter rules. */
    private static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("live.blytz.");
    }

    /** A form body's fields are parameters too; such a request gets its 415 from the body's media type instead. */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
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

    private static List<Bound> bound(Method handler) {
        List<Bound> bound = new ArrayList<>();
        for (int i = 0; i < handler.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(handler, i);
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (query != null) {
                bound.add(new Bound(name(query.name(), query.value(), parameter), false, new TypeDescriptor(parameter)));
            } else if (path != null) {
                bound.add(new Bound(name(path.name(), path.value(), parameter), true, new TypeDescriptor(parameter)));
            }
        }
        return List.copyOf(bound);
    }

    private static String name(String name, String value, MethodParameter parameter) {
        String declared = !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
        if (declared == null) {
            throw new IllegalStateException("Compile with -parameters: no name for " + parameter);
        }
        return declared;
    }

    /** A query parameter or path variable of a handler, and the type it binds to. */
    private record Bound(String name, boolean inPath, TypeDescriptor type) {

        @Nullable String[] values(HttpServletRequest request) {
            if (!inPath) {
                return request.getParameterValues(name);
            }
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String value = variables == null ? null : variables.get(name);
            return value == null ? null : new String[] {value};
        }
    }
}
