package live.blytz.sharedkernel.error;

/** One invalid input field, named as the client sent it (snake_case JSON path). */
public record FieldError(String field, String message) {
}
