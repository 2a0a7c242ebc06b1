package live.blytz.platform.web;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.error.ValidationException;
import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every problem of a request body in one 400. Bean Validation checks a {@code @Valid} body before the handler runs
 * and would refuse it with its own findings only; the domain's rules for that body type ({@link RequestRules}) are
 * added to the same validation here, so a body that fails both (a blank e-mail and a common password) names every
 * failing field at once. A field Bean Validation already named is not named twice.
 * <p>
 * Values of the wrong JSON type ({@link BodyTypeProblems}) join the same validation, ahead of the domain rules; a
 * body that is not validated ({@code @Valid}) is refused with them alone, before its handler runs.
 */
@ControllerAdvice
class RequestRulesBinding extends RequestBodyAdviceAdapter {

    private final BeanFactory beans;
    private final Map<Class<?>, Optional<RequestRules<Object>>> rulesByType = new ConcurrentHashMap<>();

    RequestRulesBinding(BeanFactory beans) {
        this.beans = beans;
    }

    @InitBinder
    void addRequestRules(WebDataBinder binder, WebRequest request) {
        Object target = binder.getTarget();
        if (target != null) {
            BodyTypeProblems typeProblems = BodyTypeProblems.of(request);
            if (typeProblems != null) {
                binder.addValidators(new TypeProblems(target.getClass(), typeProblems));
            }
            rulesFor(target.getClass()).ifPresent(rules -> binder.addValidators(new DomainRules(target.getClass(), rules)));
        }
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        var request = RequestContextHolder.getRequestAttributes();
        BodyTypeProblems typeProblems = request == null ? null : BodyTypeProblems.of(request);
        if (typeProblems != null && !validated(parameter)) {
            throw new ValidationException(typeProblems.all());
        }
        return body;
    }

    private static boolean validated(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations())
                .map(ValidationAnnotationUtils::determineValidationHints)
                .anyMatch(hints -> hints != null);
    }

    private Optional<RequestRules<Object>> rulesFor(Class<?> type) {
        return rulesByType.computeIfAbsent(type, key -> {
            @SuppressWarnings("unchecked")
            RequestRules<Object> rules = (RequestRules<Object>) beans
                    .getBeanProvider(ResolvableType.forClassWithGenerics(RequestRules.class, key)).getIfAvailable();
            return Optional.ofNullable(rules);
        });
    }

    /** Marks each as a binding failure, so that it stands for its field alone (see the problem details advice). */
    private record TypeProblems(Class<?> type, BodyTypeProblems problems) implements Validator {

        @Override
        public boolean supports(Class<?> clazz) {
            return type.equals(clazz);
        }

        @Override
        public void validate(Object target, Errors errors) {
            for (FieldError problem : problems.all()) {
                ((BindingResult) errors).addError(new org.springframework.validation.FieldError(errors.getObjectName(),
                        problem.field(), null, true, null, null, problem.message()));
            }
        }
    }

    private record DomainRules(Class<?> type, RequestRules<Object> rules) implements Validator {

        @Override
        public boolean supports(Class<?> clazz) {
            return type.equals(clazz);
        }

        @Override
        public void validate(Object target, Errors errors) {
            if (!errors.hasErrors()) {
                return; // a valid body: the services apply these rules as they act on it
            }
            Set<String> named = errors.getFieldErrors().stream()
                    .map(error -> JsonFieldNames.of(error.getField()))
                    .collect(Collectors.toSet());
            for (FieldError problem : rules.problems(target)) {
                if (!named.contains(problem.field())) {
                    ((BindingResult) errors).addError(new org.springframework.validation.FieldError(
                            errors.getObjectName(), problem.field(), problem.message()));
                }
            }
        }
    }
}
