/**
 * Bean Validation as the published contract reads it: {@code @Size} on text counts code points, as JSON Schema's
 * {@code minLength}/{@code maxLength} do.
 */
@NullMarked
package live.blytz.platform.validation;

import org.jspecify.annotations.NullMarked;
