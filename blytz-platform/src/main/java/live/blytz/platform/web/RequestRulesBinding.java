package live.blytz.platform.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import live.blytz.sharedkernel.error.FieldError;
import live.blytz.sharedkernel.web.RequestRules;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every problem of a request body in one 400. Bean Validation checks a {@code @Valid} body before the handler runs
 * and would refuse it with its own findings only; the domain's rules for that body type ({@link RequestRules}) are
 * added to the same validation here, so a body that fails both (a blank e-mail and a common password) names every
 * failing field at once. A field Bean Validation already named is not named twice.
 */
@ControllerAdvice
class RequestRulesBinding {

    private final BeanFactory beans;
    private final Map<Class<?>, Optional<RequestRules<Object>>> rulesByType = new ConcurrentHashMap<>();

    RequestRulesBinding(BeanFactory beans) {
        this.beans = beans;
    }

    @InitBinder
    void addRequestRules(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target != null) {
            rulesFor(target.getClass()).ifPresent(rules -> binder.addValidators(new DomainRules(target.getClass(), rules)));
        }
    }

    private Optional<RequestRules<Object>> rulesFor(Class<?> type) {
        return rulesByType.computeIfAbsent(type, key -> {
            @SuppressWarnings("unchecked")
            RequestRules<Object> rules = (RequestRules<Object>) beans
                    .getBeanProvider(ResolvableType.forClassWithGenerics(RequestRules.class, key)).getIfAvailable();
            return Optional.ofNullable(rules);
        });
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
