package live.blytz.sharedkernel.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body (a record component, or the setter of a partial-update body) as
 * {@link TextRule#MULTI_LINE}: it may hold tab and line breaks. Every other text field is {@link TextRule#SINGLE_LINE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface MultiLine {
}
